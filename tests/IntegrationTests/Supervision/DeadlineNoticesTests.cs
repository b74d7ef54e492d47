using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;
using PetitionPlatform.Supervision.Messaging;
using PetitionPlatform.TestSupport;

using PetitionPlatform.IntegrationTests.Identity;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// The deadline evaluation, early warnings and leader take-over on a real broker and database: lifecycle events are
/// published on the bus, the evaluation is run as of chosen instants, and the notices are read back from the API and
/// from the bus, where notification will pick them up.
/// </summary>
[Collection("infrastructure")]
public sealed class DeadlineNoticesTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceFactory<RoutingDbContext> _directory = null!;
    private ServiceFactory<SupervisionDbContext> _supervision = null!;
    private NoticeListener _listener = null!;
    private HttpClient _client = null!;
    private IBus _bus = null!;

    public async Task InitializeAsync()
    {
        _directory = await DirectoryWiring.StartDirectoryAsync(infrastructure);
        var messaging = await infrastructure.CreateVirtualHostAsync("deadlines");
        await SharedTokens.StartAsync(infrastructure);
        _supervision = new ServiceFactory<SupervisionDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:supervisiondb"] = await infrastructure.CreateDatabaseAsync("deadlines"),
            ["ConnectionStrings:messaging"] = messaging,
            ["Outbox:PollInterval"] = "00:00:00.500",
            // The tests choose the instants; the periodic run (as of the real now) stays out of their way.
            ["Supervision:EvaluationInterval"] = "1.00:00:00",
        }, services =>
        {
            DirectoryWiring.Through(_directory)(services);
            services.AddSingleton(PetitionJourney.Clock());
        });
        _client = _supervision.As("130000/petition-bureau");
        await ServiceSet.Ready(_client);
        _bus = _supervision.Services.GetRequiredService<IBus>();
        _listener = await NoticeListener.StartAsync(messaging);
    }

    public async Task DisposeAsync()
    {
        await _listener.DisposeAsync();
        await _supervision.DisposeAsync();
        await _directory.DisposeAsync();
    }

    [Fact]
    public async Task An_open_handling_clock_gets_a_reminder_then_an_overdue_notice_then_one_escalation_per_grace_each_exactly_once()
    {
        var journey = PetitionJourney.Started(daysAgo: 5);
        await PublishAsync(journey.Registered(), journey.Routed(), journey.Opened(), journey.Accepted());
        await LedgerWhenAsync(journey.PetitionId, l => l.GetProperty("status").GetString() == "in-progress");
        var due = PetitionJourney.DueBy(journey.AcceptedAt, 60);
        var grace = TimeSpan.FromDays(7);

        Assert.Empty(await EvaluateAsync(journey.PetitionId, due.AddDays(-7).AddSeconds(-1)));

        var reminder = Assert.Single(await EvaluateAsync(journey.PetitionId, due.AddDays(-7)));
        AssertNotice(reminder, "reminder", "handling", PetitionJourney.Hrss, []);
        Assert.Equal(due, reminder.GetProperty("dueBy").GetDateTimeOffset());
        Assert.Equal(journey.CaseId.ToString(), reminder.GetProperty("caseId").GetString());
        Assert.Empty(await EvaluateAsync(journey.PetitionId, due.AddDays(-7)));
        Assert.Empty(await EvaluateAsync(journey.PetitionId, due));

        var overdue = Assert.Single(await EvaluateAsync(journey.PetitionId, due.AddSeconds(1)));
        AssertNotice(overdue, "overdue", "handling", PetitionJourney.Hrss, ["130700/hrss"]);
        Assert.Empty(await EvaluateAsync(journey.PetitionId, due + grace));

        var first = Assert.Single(await EvaluateAsync(journey.PetitionId, due + grace + TimeSpan.FromSeconds(1)));
        AssertNotice(first, "escalation", "handling", "130700/joint-conference", [PetitionJourney.Hrss, "130700/hrss"]);
        Assert.Equal(1, first.GetProperty("level").GetInt32());
        Assert.Empty(await EvaluateAsync(journey.PetitionId, due + grace + TimeSpan.FromDays(1)));

        var second = Assert.Single(await EvaluateAsync(journey.PetitionId, due + (grace * 2) + TimeSpan.FromSeconds(1)));
        AssertNotice(second, "escalation", "handling", "130000/joint-conference", [PetitionJourney.Hrss, "130000/hrss"]);
        Assert.Equal(2, second.GetProperty("level").GetInt32());
        // The province's joint conference is the top: nothing more, however long the clock stays open.
        Assert.Empty(await EvaluateAsync(journey.PetitionId, due.AddYears(1)));

        var ledger = await LedgerWhenAsync(journey.PetitionId, _ => true);
        Assert.Equal(["alert", "reminder", "overdue", "escalation", "escalation"],
            ledger.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        var superior = await _client.GetFromJsonAsync<JsonElement>("/api/supervision/notices?orgId=130700/hrss");
        Assert.Equal(["escalation", "overdue"], superior.EnumerateArray()
            .Where(n => n.GetProperty("petitionId").GetString() == journey.PetitionId.ToString()).Select(n => n.GetProperty("kind").GetString()));
        var (paged, pages) = await Pages.ReadAllAsync(_client, "/api/supervision/notices?orgId=130700/hrss&limit=1");
        Assert.Equal(superior.GetArrayLength(), pages);
        Assert.Equal(superior.EnumerateArray().Select(n => n.GetProperty("id").GetString()), paged.Select(n => n.GetProperty("id").GetString()));

        var published = await Eventually.HoldsAsync(
            () => Task.FromResult(_listener.Received.Where(n => n.PetitionId == journey.PetitionId).ToList()),
            received => received.Count >= 5, because: "every notice leaves through the outbox");
        await _listener.CaughtUpAsync(UnsentAsync);
        Assert.Equal(5, _listener.Received.Count(n => n.PetitionId == journey.PetitionId));
        Assert.Equal(["collective-petition:0", "handling:0", "handling:0", "handling:1", "handling:2"],
            published.Select(n => $"{n.Stage}:{n.Level}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_undecided_dispute_is_a_clock_at_the_decider_with_reminder_overdue_and_escalation_each_once_until_it_reroutes()
    {
        var journey = PetitionJourney.AheadOnFixedDates();
        var declinedAt = journey.RoutedAt.AddHours(2);
        var disputedAt = declinedAt.AddMinutes(1);
        var decideBy = PetitionJourney.DueBy(disputedAt, 7);
        const string Decider = "130724/petition-bureau";
        await PublishAsync(journey.Registered(), journey.Routed(), journey.Opened(),
            new CaseDeclined(journey.PetitionId, journey.CaseId, PetitionJourney.Hrss, CaseStages.Original, "not within the bureau's remit", null,
                null, false, declinedAt),
            new RoutingDecisionRequired(journey.PetitionId, PetitionJourney.Hrss, Decider, "no candidate left", false, disputedAt, decideBy));
        var ledger = await LedgerWhenAsync(journey.PetitionId,
            l => l.GetProperty("stages").EnumerateArray().Any(s => s.GetProperty("stage").GetString() == "routing-decision"));
        var stage = ledger.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "routing-decision");
        Assert.Equal((Decider, decideBy), (stage.GetProperty("orgId").GetString(), stage.GetProperty("dueBy").GetDateTimeOffset()));
        Assert.False(stage.TryGetProperty("doneAt", out _));

        var reminder = Assert.Single(await EvaluateAsync(journey.PetitionId, decideBy.AddDays(-7)));
        AssertNotice(reminder, "reminder", "routing-decision", Decider, []);
        Assert.Equal(decideBy, reminder.GetProperty("dueBy").GetDateTimeOffset());
        var overdue = Assert.Single(await EvaluateAsync(journey.PetitionId, decideBy.AddSeconds(1)));
        AssertNotice(overdue, "overdue", "routing-decision", Decider, ["130700/petition-bureau"]);
        var escalation = Assert.Single(await EvaluateAsync(journey.PetitionId, decideBy.AddDays(7).AddSeconds(1)));
        AssertNotice(escalation, "escalation", "routing-decision", "130700/joint-conference", [Decider, "130700/petition-bureau"]);
        Assert.Empty(await EvaluateAsync(journey.PetitionId, decideBy.AddDays(7).AddSeconds(1)));

        // The decider reroutes: the clock is done, and no later run escalates it further.
        var reroutedAt = decideBy.AddDays(8);
        await PublishAsync(new PetitionRouted(journey.PetitionId, Decider, RoutingModes.Transfer, "130724102/township-gov", "黄盖淖镇人民政府",
            [Decider, "130724102/township-gov"], [], "decided by the common superior", false, 1, null, null, reroutedAt));
        await LedgerWhenAsync(journey.PetitionId, l => l.GetProperty("stages").EnumerateArray()
            .Any(s => s.GetProperty("stage").GetString() == "routing-decision" && s.TryGetProperty("doneAt", out _)));
        Assert.Empty(await EvaluateAsync(journey.PetitionId, decideBy.AddYears(1)));
        Assert.Equal(["reminder", "overdue", "escalation"], (await LedgerWhenAsync(journey.PetitionId, _ => true)).GetProperty("notices")
            .EnumerateArray().Where(n => n.GetProperty("stage").GetString() == "routing-decision").Select(n => n.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Concurrent_evaluations_issue_each_notice_once()
    {
        var journey = PetitionJourney.Started(daysAgo: 30);
        await PublishAsync(journey.Registered());
        await LedgerWhenAsync(journey.PetitionId, _ => true);
        var asOf = PetitionJourney.DueBy(journey.RegisteredAt, 15).AddDays(30);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => EvaluateAsync(journey.PetitionId, asOf)));

        // The receiving bureau is the province's: overdue (no superior to copy) and one escalation to its joint conference.
        var issued = runs.SelectMany(r => r).Select(n => $"{n.GetProperty("kind").GetString()}>{n.GetProperty("orgId").GetString()}").Order().ToList();
        Assert.Equal(["escalation>130000/joint-conference", "overdue>130000/petition-bureau"], issued);
    }

    [Fact]
    public async Task A_petition_is_judged_when_an_event_arrives_or_its_next_check_comes_and_forgotten_once_no_clock_is_open()
    {
        var journey = PetitionJourney.Started(daysAgo: 5);
        await PublishAsync(journey.Registered(), journey.Routed(), journey.Opened(), journey.Accepted());
        await LedgerWhenAsync(journey.PetitionId, l => l.GetProperty("status").GetString() == "in-progress");
        var due = PetitionJourney.DueBy(journey.AcceptedAt, 60);
        Assert.True((await WatchAsync(journey.PetitionId))?.Changed);

        Assert.Empty(await EvaluateAsync(journey.PetitionId, journey.AcceptedAt.AddHours(1)));
        // Only the handling clock is open; nothing can fall due on it before its reminder.
        var watch = await WatchAsync(journey.PetitionId);
        Assert.Equal((false, due.AddDays(-7), due), (watch!.Changed, watch.CheckAt, watch.EarliestDue));

        await PublishAsync(journey.Answered(), journey.Evaluated());
        await Eventually.HoldsAsync(() => WatchAsync(journey.PetitionId), w => w is { Changed: true } && w.Revision == watch.Revision + 2,
            because: "each recorded event marks the petition changed");
        Assert.Empty(await EvaluateAsync(journey.PetitionId, journey.EvaluatedAt.AddHours(1)));

        // Answered and rated: no clock of a unit is open, and no later run reads this petition again.
        Assert.Null(await WatchAsync(journey.PetitionId));
    }

    [Fact]
    public async Task A_collective_petition_raises_an_alert_to_the_county_bureau_at_once_copied_to_its_superior_once()
    {
        var journey = PetitionJourney.Started(daysAgo: 1);
        await PublishAsync(journey.Registered());
        await _bus.Publish(journey.Registered(), context => context.MessageId = NewId.NextGuid());

        var alerts = await Eventually.HoldsAsync(
            () => NoticesOfAsync("130724/petition-bureau", journey.PetitionId), found => found.Count >= 1, because: "the registration raises the alert");
        // The copy's own consumption committed (its inbox record with whatever it issued): only then is one alert final.
        await Eventually.HoldsAsync(() => _supervision.InDatabaseAsync(db => db.Set<InboxMessage>()
                .CountAsync(m => m.PetitionId == journey.PetitionId && m.Consumer == EarlyWarningChain.QueueName)),
            count => count == 2, because: "both registrations are consumed by the early warning");
        var alert = Assert.Single(await NoticesOfAsync("130724/petition-bureau", journey.PetitionId));
        AssertNotice(alert, "alert", "collective-petition", "130724/petition-bureau", ["130700/petition-bureau"]);
        Assert.Contains("35 people", alert.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Single(alerts);
    }

    [Fact]
    public async Task Five_petitions_on_one_topic_in_one_county_in_one_day_raise_one_spike_alert()
    {
        var day = new DateTimeOffset(PetitionJourney.Today.Date.AddDays(-2), PetitionJourney.Today.Offset);
        var topic = "property-management";
        var petitions = Enumerable.Range(0, 6).Select(i => Single(topic, day.AddHours(9 + i), i % 2 == 0 ? "130724102" : "130724")).ToList();

        await PublishAsync([.. petitions.Take(4)]);
        await Eventually.HoldsAsync(() => _supervision.InDatabaseAsync(db => Task.FromResult(db.WarningRegistrations.Count(r => r.Topic == topic))),
            count => count == 4, because: "the four registrations are counted");
        Assert.Empty(await SpikeAlertsAsync(topic));

        await PublishAsync([.. petitions.Skip(4)]);
        await Eventually.HoldsAsync(() => _supervision.InDatabaseAsync(db => Task.FromResult(db.WarningRegistrations.Count(r => r.Topic == topic))),
            count => count == 6, because: "all six registrations are counted");
        var spike = Assert.Single(await SpikeAlertsAsync(topic));
        AssertNotice(spike, "alert", "topic-spike", "130724/petition-bureau", ["130700/petition-bureau"]);
    }

    [Fact]
    public async Task A_leader_who_takes_the_matter_on_shows_in_the_ledger_and_in_later_notices()
    {
        var journey = PetitionJourney.Started(daysAgo: 3);
        await PublishAsync(journey.Registered(), journey.Routed(), journey.Opened());
        await LedgerWhenAsync(journey.PetitionId, l => l.GetProperty("status").GetString() == "routed");

        // Guyuan's bureau takes the matter over with its own client, in its own name.
        var response = await _supervision.As("130724/petition-bureau").PostAsJsonAsync($"/api/supervision/petitions/{journey.PetitionId}/leader",
            new { leader = "县委副书记", orgId = "130724/petition-bureau" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var ledger = await LedgerWhenAsync(journey.PetitionId, _ => true);
        Assert.Equal(("县委副书记", "130724/petition-bureau"),
            (ledger.GetProperty("leader").GetProperty("leader").GetString(), ledger.GetProperty("leader").GetProperty("orgId").GetString()));
        var overdue = Assert.Single(await EvaluateAsync(journey.PetitionId, PetitionJourney.DueBy(journey.RoutedAt, 15).AddHours(1)));
        Assert.Equal(("acceptance", "县委副书记"), (overdue.GetProperty("stage").GetString(), overdue.GetProperty("leader").GetString()));
        Assert.Contains("县委副书记", overdue.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_name_the_offending_field_and_unknown_petitions_are_not_found()
    {
        await AssertInvalidAsync(await _client.PostAsync("/api/supervision/dev/evaluate", null), "asOf");
        await AssertInvalidAsync(await _client.PostAsync("/api/supervision/dev/evaluate?asOf=next-tuesday", null), "asOf");
        await AssertInvalidAsync(await _client.PostAsync("/api/supervision/dev/evaluate?asOf=2026-12-01T09:00:00", null), "asOf");
        await AssertInvalidAsync(await _client.GetAsync("/api/supervision/notices"), "orgId");
        await AssertInvalidAsync(await _client.GetAsync("/api/supervision/notices?orgId=hrss"), "orgId");

        var journey = PetitionJourney.Started(daysAgo: 1);
        await PublishAsync(journey.Registered());
        await LedgerWhenAsync(journey.PetitionId, _ => true);
        var invalid = await _client.PostAsJsonAsync($"/api/supervision/petitions/{journey.PetitionId}/leader", new { leader = " ", orgId = "county" });
        var errors = await AssertInvalidAsync(invalid, "leader");
        Assert.True(errors.TryGetProperty("orgId", out _));

        var unknown = await _client.PostAsJsonAsync($"/api/supervision/petitions/{Guid.NewGuid()}/leader", new { leader = "县长", orgId = "130724/petition-bureau" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private static PetitionRegistered Single(string topic, DateTimeOffset at, string region) => new(
        Guid.NewGuid(), $"130724-{at:yyyyMMdd}-{Random.Shared.Next(1, 99999):D5}", "online", "complaint", topic, region,
        "130724/petition-bureau", 1, at, TrackingCodes.Hash(Guid.NewGuid().ToString("N")));

    private async Task PublishAsync(params object[] events)
    {
        foreach (var @event in events)
        {
            await _bus.Publish(@event);
        }
    }

    private async Task<List<JsonElement>> EvaluateAsync(Guid petitionId, DateTimeOffset asOf)
    {
        var response = await _client.PostAsync($"/api/supervision/dev/evaluate?asOf={Uri.EscapeDataString(asOf.ToString("O"))}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. issued.EnumerateArray().Where(n => n.GetProperty("petitionId").GetString() == petitionId.ToString())];
    }

    private Task<int> UnsentAsync() => _supervision.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null));

    private Task<ClockWatch?> WatchAsync(Guid petitionId) =>
        _supervision.InDatabaseAsync(db => db.ClockWatches.AsNoTracking().SingleOrDefaultAsync(w => w.PetitionId == petitionId));

    private async Task<List<JsonElement>> NoticesOfAsync(string orgId, Guid petitionId) =>
        [.. (await _client.GetFromJsonAsync<JsonElement>($"/api/supervision/notices?orgId={orgId}")).EnumerateArray()
            .Where(n => n.GetProperty("petitionId").GetString() == petitionId.ToString())];

    /// <summary>Read once the registrations are counted: an alert commits in the transaction that counts the registration raising it.</summary>
    private async Task<List<JsonElement>> SpikeAlertsAsync(string topic)
    {
        return [.. (await _client.GetFromJsonAsync<JsonElement>("/api/supervision/notices?orgId=130724/petition-bureau")).EnumerateArray()
            .Where(n => n.GetProperty("stage").GetString() == "topic-spike" && n.GetProperty("reason").GetString()!.Contains(topic, StringComparison.Ordinal))];
    }

    private Task<JsonElement> LedgerWhenAsync(Guid petitionId, Func<JsonElement, bool> condition) =>
        Eventually.HoldsAsync(
            async () =>
            {
                var response = await _client.GetAsync($"/api/supervision/petitions/{petitionId}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            ledger => ledger.ValueKind == JsonValueKind.Object && condition(ledger),
            because: "supervision records the published events");

    private static void AssertNotice(JsonElement notice, string kind, string stage, string orgId, string[] copiedTo)
    {
        Assert.Equal((kind, stage, orgId), (notice.GetProperty("kind").GetString(), notice.GetProperty("stage").GetString(), notice.GetProperty("orgId").GetString()));
        Assert.Equal(copiedTo, notice.GetProperty("copiedToOrgIds").EnumerateArray().Select(o => o.GetString()!).ToArray());
    }

    private static async Task<JsonElement> AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors should name {field}: {errors}");
        return errors;
    }
}
