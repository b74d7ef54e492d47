using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>Supervision fed the real lifecycle events on a real broker, observed through its ledger and progress view.</summary>
[Collection("infrastructure")]
public sealed class LedgerAndProgressTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private SupervisionUnderTest _host = null!;
    private ServiceFactory<SupervisionDbContext> _supervision = null!;
    private HttpClient _client = null!;
    private IBus _bus = null!;

    public async Task InitializeAsync()
    {
        _host = await SupervisionUnderTest.StartAsync(infrastructure, "supervision");
        (_supervision, _client, _bus) = (_host.Service, _host.Client, _host.Bus);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task The_main_path_shows_every_clock_in_the_ledger_and_every_step_to_the_petitioner()
    {
        var journey = PetitionJourney.Started(daysAgo: 5);
        foreach (var @event in new object[]
                 { journey.Registered(), journey.Routed(), journey.Opened(), journey.Accepted(), journey.Extended(), journey.Answered(), journey.Evaluated() })
        {
            await _bus.Publish(@event);
        }

        // The events are consumed concurrently, in any order: wait until every one of them is in the ledger.
        var ledger = await LedgerWhenAsync(journey, l => l.GetProperty("status").GetString() == "evaluated"
            && l.GetProperty("stages").GetArrayLength() == 3
            && l.GetProperty("stages").EnumerateArray().All(stage => stage.TryGetProperty("doneAt", out _))
            && l.GetProperty("stages")[2].GetProperty("dueBy").GetDateTimeOffset() == PetitionJourney.DueBy(journey.AcceptedAt, 80));
        Assert.Equal(journey.Number, ledger.GetProperty("number").GetString());
        Assert.Equal(("transfer", PetitionJourney.Hrss, false),
            (ledger.GetProperty("mode").GetString(), ledger.GetProperty("responsibleOrgId").GetString(), ledger.GetProperty("confidential").GetBoolean()));
        // 35 people: a collective petition, of which the county bureau was alerted at once; no deadline was missed.
        var notices = await LedgerWhenAsync(journey, l => l.GetProperty("notices").GetArrayLength() > 0);
        Assert.Equal(["alert"], notices.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        var stages = ledger.GetProperty("stages").EnumerateArray().ToList();
        AssertStage(stages[0], "intake-decision", PetitionJourney.Bureau, journey.RegisteredAt, PetitionJourney.DueBy(journey.RegisteredAt, 15), journey.RoutedAt);
        AssertStage(stages[1], "acceptance", PetitionJourney.Hrss, journey.RoutedAt, PetitionJourney.DueBy(journey.RoutedAt, 15), journey.AcceptedAt);
        // The extension moved the handling deadline from 60 to 80 days after acceptance.
        AssertStage(stages[2], "handling", PetitionJourney.Hrss, journey.AcceptedAt, PetitionJourney.DueBy(journey.AcceptedAt, 80), journey.AnsweredAt);
        Assert.Equal(journey.CaseId.ToString(), stages[2].GetProperty("caseId").GetString());
        Assert.All(stages, stage => Assert.False(stage.GetProperty("overdue").GetBoolean()));

        var track = await _client.GetFromJsonAsync<JsonElement>($"/api/track/{PetitionJourney.TrackingCode}");
        Assert.Equal(("evaluated", PetitionJourney.Hrss, PetitionJourney.HrssName),
            (track.GetProperty("status").GetString(), track.GetProperty("currentOrgId").GetString(), track.GetProperty("currentOrgName").GetString()));
        Assert.Equal(["registered", "transferred", "accepted", "extended", "answered", "evaluated"],
            track.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        var accepted = track.GetProperty("steps")[2];
        Assert.Equal(PetitionJourney.DueBy(journey.AcceptedAt, 60), accepted.GetProperty("dueBy").GetDateTimeOffset());
        var answer = track.GetProperty("answer");
        Assert.Equal(("support", journey.AnsweredAt), (answer.GetProperty("outcome").GetString(), answer.GetProperty("at").GetDateTimeOffset()));
        Assert.True(track.GetProperty("canRequestReview").GetBoolean());
        Assert.Equal(PetitionJourney.DueBy(journey.AnsweredAt, 30), track.GetProperty("reviewDueBy").GetDateTimeOffset());
        Assert.EndsWith("+08:00", track.GetProperty("reviewDueBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_events_that_overtake_the_registration_are_kept_and_the_ledger_completes_when_the_rest_arrives()
    {
        var journey = PetitionJourney.Started(daysAgo: 5);
        await _bus.Publish(journey.Accepted());
        await _bus.Publish(journey.Answered());

        // The two events travel on queues of their own: wait for both, not just the answer.
        var early = await LedgerWhenAsync(journey, l => l.GetProperty("status").GetString() == "answered" && l.GetProperty("stages").GetArrayLength() == 1);
        Assert.Equal(["handling"], early.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        // Without the registration there is no query code to find the petition by yet.
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/track/{PetitionJourney.TrackingCode}")).StatusCode);

        await _bus.Publish(journey.Opened());
        await _bus.Publish(journey.Routed());
        await _bus.Publish(journey.Registered());

        var complete = await LedgerWhenAsync(journey, l => l.GetProperty("stages").GetArrayLength() == 3 && l.GetProperty("number").GetString() is not null);
        var stages = complete.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["intake-decision", "acceptance", "handling"], stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(journey.AcceptedAt, stages[1].GetProperty("doneAt").GetDateTimeOffset());
        Assert.Equal("answered", complete.GetProperty("status").GetString());

        var track = await _client.GetFromJsonAsync<JsonElement>($"/api/track/{PetitionJourney.TrackingCode.ToLowerInvariant()}");
        Assert.Equal(["registered", "transferred", "accepted", "answered"],
            track.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
    }

    [Fact]
    public async Task A_redelivered_or_republished_event_adds_no_stage_and_no_step()
    {
        using var duplicates = MessagingCounter.Duplicates();
        var journey = PetitionJourney.Started(daysAgo: 5);
        await _bus.Publish(journey.Registered());
        await _bus.Publish(journey.Routed());
        await _bus.Publish(journey.Opened());
        var messageId = NewId.NextGuid();
        // The outbox after a crash repeats the message id; a careless publisher might repeat the event under a new one.
        await _bus.Publish(journey.Accepted(), context => context.MessageId = messageId);
        await _bus.Publish(journey.Accepted(), context => context.MessageId = messageId);
        await _bus.Publish(journey.Accepted());

        await Eventually.HoldsAsync(
            () => _supervision.InDatabaseAsync(db => db.Set<InboxMessage>().CountAsync(m => m.PetitionId == journey.PetitionId && m.MessageType == "CaseAccepted")),
            count => count == 2 && duplicates.Count >= 1, because: "all three copies reach the consumer");

        Assert.Equal(1, await _supervision.InDatabaseAsync(db => db.LedgerEvents.CountAsync(e => e.PetitionId == journey.PetitionId && e.Type == "CaseAccepted")));
        var ledger = await LedgerWhenAsync(journey, l => l.GetProperty("status").GetString() == "in-progress");
        Assert.Single(ledger.GetProperty("stages").EnumerateArray(), s => s.GetProperty("stage").GetString() == "handling");
        var track = await _client.GetFromJsonAsync<JsonElement>($"/api/track/{PetitionJourney.TrackingCode}");
        Assert.Single(track.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "accepted");
    }

    [Fact]
    public async Task A_petition_not_routed_within_fifteen_days_is_overdue_at_the_receiving_bureau()
    {
        var journey = PetitionJourney.Started(daysAgo: 25);
        await _bus.Publish(journey.Registered());

        var ledger = await LedgerWhenAsync(journey, _ => true);
        var stage = Assert.Single(ledger.GetProperty("stages").EnumerateArray());
        Assert.Equal(("intake-decision", PetitionJourney.Bureau, true),
            (stage.GetProperty("stage").GetString(), stage.GetProperty("orgId").GetString(), stage.GetProperty("overdue").GetBoolean()));
        Assert.False(stage.TryGetProperty("doneAt", out _));
        var backlog = await _client.GetFromJsonAsync<JsonElement>("/api/supervision/backlog?regionCode=130000");
        var entry = Assert.Single(backlog.EnumerateArray(), b => b.GetProperty("petitionId").GetString() == journey.PetitionId.ToString());
        Assert.Equal(("intake-decision", true), (entry.GetProperty("stage").GetString(), entry.GetProperty("daysOverdue").GetInt32() >= 1));
        var county = await _client.GetFromJsonAsync<JsonElement>("/api/supervision/backlog?regionCode=130724");
        Assert.DoesNotContain(county.EnumerateArray(), b => b.GetProperty("petitionId").GetString() == journey.PetitionId.ToString());

        var track = await _client.GetFromJsonAsync<JsonElement>($"/api/track/{PetitionJourney.TrackingCode}");
        Assert.Equal("registered", track.GetProperty("status").GetString());
        Assert.False(track.GetProperty("canRequestReview").GetBoolean());
        Assert.False(track.TryGetProperty("answer", out _));
    }

    /// <summary>
    /// Issue 14: the backlog is read a page of petitions at a time, following the Link header, and shows every overdue
    /// clock once; a page lists the most overdue first.
    /// </summary>
    [Fact]
    public async Task The_backlog_is_paged_by_petition_and_shows_every_overdue_clock_once()
    {
        var journeys = new[] { 25, 40, 30 }.Select(PetitionJourney.Started).ToList();
        foreach (var (journey, i) in journeys.Select((j, i) => (j, i)))
        {
            // Two petitions cannot share a query code.
            await _bus.Publish(journey.Registered() with { TrackingCodeHash = Contracts.TrackingCodes.Hash($"{i}N8P-W2KD-7QRT-M4XB") });
        }

        var whole = await Eventually.HoldsAsync(
            async () => (await _client.GetFromJsonAsync<List<JsonElement>>("/api/supervision/backlog?regionCode=130000"))!,
            backlog => backlog.Count == 3, because: "the three petitions are overdue at the province's bureau");
        Assert.Equal([journeys[1].PetitionId, journeys[2].PetitionId, journeys[0].PetitionId], whole.Select(e => e.GetProperty("petitionId").GetGuid()));

        var (paged, pages) = await Pages.ReadAllAsync(_client, "/api/supervision/backlog?regionCode=130000&limit=1");
        Assert.Equal(3, pages);
        Assert.Equal(whole.Select(e => e.GetProperty("petitionId").GetGuid()).Order(), paged.Select(e => e.GetProperty("petitionId").GetGuid()).Order());

        using var wrong = await _client.GetAsync("/api/supervision/backlog?regionCode=13&limit=0&after=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["after", "limit", "regionCode"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// 2026's holiday notice ships with the platform; 2039's will not be loaded for years, so its due dates are counted
    /// on the national rules alone. Fixed instants: whether a date is provisional depends on the data, not on today.
    /// </summary>
    [Fact]
    public async Task Due_dates_counted_on_a_year_without_its_holiday_notice_are_marked_provisional()
    {
        var published = new PetitionJourney(new DateTimeOffset(2026, 3, 2, 10, 0, 0, StatutoryCalendar.ChinaOffset));
        var unpublished = new PetitionJourney(new DateTimeOffset(2039, 12, 1, 10, 0, 0, StatutoryCalendar.ChinaOffset));
        // Two petitions cannot share a query code.
        var otherCode = unpublished.Registered() with { TrackingCodeHash = Contracts.TrackingCodes.Hash("3N8P-W2KD-7QRT-M4XB") };
        foreach (var @event in new object[]
                 {
                     published.Registered(), published.Routed(), published.Opened(), published.Accepted(),
                     otherCode, unpublished.Routed(), unpublished.Opened(), unpublished.Accepted(),
                 })
        {
            await _bus.Publish(@event);
        }

        foreach (var (journey, provisional) in new[] { (published, false), (unpublished, true) })
        {
            var ledger = await LedgerWhenAsync(journey, l => l.GetProperty("stages").GetArrayLength() == 3);
            Assert.All(ledger.GetProperty("stages").EnumerateArray(), stage =>
                Assert.Equal(provisional, stage.TryGetProperty("provisional", out var flag) && flag.GetBoolean()));
        }
    }

    [Fact]
    public async Task Unknown_or_malformed_codes_and_ids_get_problems()
    {
        var unknownCode = await _client.GetAsync("/api/track/AAAA-BBBB-CCCC-DDDD");
        var malformedCode = await _client.GetAsync($"/api/track/{new string('x', 500)}");
        var unknownPetition = await _client.GetAsync($"/api/supervision/petitions/{Guid.NewGuid()}");
        var malformedPetition = await _client.GetAsync("/api/supervision/petitions/not-a-petition");

        foreach (var response in new[] { unknownCode, malformedCode, unknownPetition })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.BadRequest, malformedPetition.StatusCode);
        var errors = (await malformedPetition.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("petitionId", out _));
    }

    private Task<JsonElement> LedgerWhenAsync(PetitionJourney journey, Func<JsonElement, bool> condition) =>
        Eventually.HoldsAsync(
            async () =>
            {
                var response = await _client.GetAsync($"/api/supervision/petitions/{journey.PetitionId}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            ledger => ledger.ValueKind == JsonValueKind.Object && condition(ledger),
            because: "supervision records the published events");

    private static void AssertStage(JsonElement stage, string name, string orgId, DateTimeOffset startedAt, DateTimeOffset dueBy, DateTimeOffset doneAt)
    {
        Assert.Equal((name, orgId), (stage.GetProperty("stage").GetString(), stage.GetProperty("orgId").GetString()));
        Assert.Equal((startedAt, dueBy, doneAt), (
            stage.GetProperty("startedAt").GetDateTimeOffset(),
            stage.GetProperty("dueBy").GetDateTimeOffset(),
            stage.GetProperty("doneAt").GetDateTimeOffset()));
    }
}
