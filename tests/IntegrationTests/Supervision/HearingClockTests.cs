using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// CaseHearingRecorded on the real broker moves supervision's review clock: evaluated at the old due date, nothing is
/// overdue; a reminder issued before the hearing stays in the ledger, the new date gets its own reminder (as after an
/// extension), and the overdue notice comes after the new date.
/// </summary>
[Collection("infrastructure")]
public sealed class HearingClockTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Reviewer = "130700/hrss";

    private SupervisionUnderTest _host = null!;
    private ServiceFactory<SupervisionDbContext> _supervision = null!;
    private HttpClient _client = null!;
    private IBus _bus = null!;

    public async Task InitializeAsync()
    {
        _host = await SupervisionUnderTest.StartAsync(infrastructure, "hearings");
        (_supervision, _client, _bus) = (_host.Service, _host.Client, _host.Bus);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task A_hearing_moves_the_review_clock_so_the_old_due_date_brings_no_overdue_notice()
    {
        var journey = PetitionJourney.AheadOnFixedDates();
        var reviewId = Guid.NewGuid();
        var requestedAt = journey.EvaluatedAt.AddHours(1);
        var oldDue = PetitionJourney.DueBy(requestedAt, 30);
        var newDue = PetitionJourney.DueBy(requestedAt, 30 + 5);
        Assert.True(newDue > oldDue.AddDays(1), "the hearing must move the date by more than the day the overdue notice waits");
        foreach (var @event in new object[] { journey.Registered(), journey.Routed(), journey.Opened(), journey.Accepted(), journey.Answered() })
        {
            await _bus.Publish(@event);
        }

        // Consumed in any order: until the answer is in the ledger, its acceptance clock is open and would fall due first.
        await LedgerWhenAsync(journey.PetitionId, l => l.GetProperty("status").GetString() == "answered"
            && l.GetProperty("stages").EnumerateArray().All(stage => stage.TryGetProperty("doneAt", out _)));
        await _bus.Publish(new ReviewRequested(journey.PetitionId, reviewId, Reviewer, CaseStages.Review, journey.CaseId, PetitionJourney.Hrss,
            oldDue, false, requestedAt));
        await ReviewClockWhenAsync(journey.PetitionId, c => c.GetProperty("dueBy").GetDateTimeOffset() == oldDue);
        var reminder = Assert.Single(await EvaluateAsync(journey.PetitionId, oldDue.AddDays(-7)));
        Assert.Equal(("reminder", "review", oldDue), (reminder.GetProperty("kind").GetString(), reminder.GetProperty("stage").GetString(),
            reminder.GetProperty("dueBy").GetDateTimeOffset()));

        var startedOn = StatutoryCalendar.DayOf(requestedAt).AddDays(3);
        await _bus.Publish(new CaseHearingRecorded(journey.PetitionId, reviewId, Reviewer, CaseStages.Review, startedOn, startedOn.AddDays(4),
            newDue, false, requestedAt.AddDays(8)));

        var clock = await ReviewClockWhenAsync(journey.PetitionId, c => c.GetProperty("dueBy").GetDateTimeOffset() == newDue);
        var hearing = Assert.Single(clock.GetProperty("hearings").EnumerateArray());
        Assert.Equal(($"{startedOn:yyyy-MM-dd}", $"{startedOn.AddDays(4):yyyy-MM-dd}", 5),
            (hearing.GetProperty("startedOn").GetString(), hearing.GetProperty("endedOn").GetString(), hearing.GetProperty("days").GetInt32()));

        // No overdue notice: the new date is a new deadline, which (as after an extension) gets its own reminder.
        var atOldDue = Assert.Single(await EvaluateAsync(journey.PetitionId, oldDue.AddSeconds(1)));
        Assert.Equal(("reminder", newDue), (atOldDue.GetProperty("kind").GetString(), atOldDue.GetProperty("dueBy").GetDateTimeOffset()));
        Assert.Empty(await EvaluateAsync(journey.PetitionId, newDue));
        var overdue = Assert.Single(await EvaluateAsync(journey.PetitionId, newDue.AddSeconds(1)));
        Assert.Equal(("overdue", "review", newDue), (overdue.GetProperty("kind").GetString(), overdue.GetProperty("stage").GetString(),
            overdue.GetProperty("dueBy").GetDateTimeOffset()));

        var ledger = await _client.GetFromJsonAsync<JsonElement>($"/api/supervision/petitions/{journey.PetitionId}");
        var notices = ledger.GetProperty("notices").EnumerateArray()
            .Where(n => n.GetProperty("stage").GetString() == "review")
            .Select(n => (n.GetProperty("kind").GetString(), n.GetProperty("dueBy").GetDateTimeOffset()))
            .ToList();
        Assert.Equal([("reminder", oldDue), ("reminder", newDue), ("overdue", newDue)], notices);
        var track = await _client.GetFromJsonAsync<JsonElement>($"/api/track/{PetitionJourney.TrackingCode}");
        Assert.Contains(track.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "hearing-held");
    }

    private async Task<List<JsonElement>> EvaluateAsync(Guid petitionId, DateTimeOffset asOf)
    {
        var response = await _client.PostAsync($"/api/supervision/dev/evaluate?asOf={Uri.EscapeDataString(asOf.ToString("O"))}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. issued.EnumerateArray().Where(n => n.GetProperty("petitionId").GetString() == petitionId.ToString())];
    }

    private async Task<JsonElement> ReviewClockWhenAsync(Guid petitionId, Func<JsonElement, bool> condition) =>
        ReviewClockOf(await LedgerWhenAsync(petitionId, ledger => ReviewClockOf(ledger) is { ValueKind: JsonValueKind.Object } clock && condition(clock)));

    private static JsonElement ReviewClockOf(JsonElement ledger) =>
        ledger.GetProperty("stages").EnumerateArray().FirstOrDefault(s => s.GetProperty("stage").GetString() == "review");

    private Task<JsonElement> LedgerWhenAsync(Guid petitionId, Func<JsonElement, bool> condition) =>
        Eventually.HoldsAsync(
            async () =>
            {
                var response = await _client.GetAsync($"/api/supervision/petitions/{petitionId}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            ledger => ledger.ValueKind == JsonValueKind.Object && condition(ledger),
            because: "supervision records the published events");
}
