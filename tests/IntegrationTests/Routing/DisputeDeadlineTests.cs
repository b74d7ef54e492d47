using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Routing;

/// <summary>
/// Disputes: when declines leave no candidate, the common superior must decide by a date routing records and shows;
/// the superior's reroute is the recorded decision and ends the wait. Declines arrive on the real bus.
/// </summary>
[Collection("infrastructure")]
public sealed class DisputeDeadlineTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task A_decline_without_candidates_gives_the_superior_the_default_seven_days_and_its_reroute_clears_them()
    {
        await using var routing = await RoutingService.StartAsync(infrastructure);
        var petitionId = await RegisterAndRouteAsync(routing);

        var (awaiting, declinedFrom, declinedTo) = await DeclineUntilAwaitingAsync(routing, petitionId);

        Assert.Equal("330500/petition-bureau", awaiting.GetProperty("awaitingDecisionBy").GetString());
        AssertDueWithin(awaiting.GetProperty("decideBy").GetDateTimeOffset(), declinedFrom, declinedTo, days: 7);

        // A party to the dispute decides nothing (403); another bureau than the common superior cannot settle it (409).
        var party = await routing.As("330523/health").PostAsJsonAsync($"/api/routing/petitions/{petitionId}/reroute",
            new { toOrgId = "330523/civil-affairs", reason = "不属卫健委职责", by = "330523/health" });
        Assert.Equal(HttpStatusCode.Forbidden, party.StatusCode);
        var byParty = await routing.As("330523/petition-bureau").PostAsJsonAsync($"/api/routing/petitions/{petitionId}/reroute",
            new { toOrgId = "330523/civil-affairs", reason = "不属卫健委职责", by = "330523/petition-bureau" });
        Assert.Equal(HttpStatusCode.Conflict, byParty.StatusCode);
        Assert.Contains("330500/petition-bureau", (await byParty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        var stillAwaiting = await (await routing.ReaderForAsync(petitionId)).GetFromJsonAsync<JsonElement>($"/api/routing/petitions/{petitionId}");
        Assert.Equal(awaiting.GetProperty("decideBy").GetDateTimeOffset(), stillAwaiting.GetProperty("decideBy").GetDateTimeOffset());

        var reroute = await routing.As("330500/petition-bureau").PostAsJsonAsync($"/api/routing/petitions/{petitionId}/reroute",
            new { toOrgId = "330523/civil-affairs", reason = "属特困救助事项，由民政局办理", by = "330500/petition-bureau" });

        Assert.Equal(HttpStatusCode.OK, reroute.StatusCode);
        var decided = await reroute.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("awaitingDecisionBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, decided.GetProperty("decideBy").ValueKind);
        Assert.Equal(("330500/petition-bureau", "330523/civil-affairs"),
            (decided.GetProperty("decidedBy").GetString(), decided.GetProperty("responsibleOrgId").GetString()));
        Assert.Contains("属特困救助事项", decided.GetProperty("rule").GetString(), StringComparison.Ordinal);
        var read = await (await routing.ReaderForAsync(petitionId)).GetFromJsonAsync<JsonElement>($"/api/routing/petitions/{petitionId}");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("decideBy").ValueKind);
    }

    [Fact]
    public async Task The_decision_period_is_configurable_and_counted_on_the_statutory_calendar()
    {
        await using var routing = await RoutingService.StartAsync(infrastructure,
            settings: new Dictionary<string, string?> { ["Routing:DisputeDecisionPeriod"] = "3" });
        var petitionId = await RegisterAndRouteAsync(routing);

        var (awaiting, declinedFrom, declinedTo) = await DeclineUntilAwaitingAsync(routing, petitionId);

        var decideBy = awaiting.GetProperty("decideBy").GetDateTimeOffset();
        AssertDueWithin(decideBy, declinedFrom, declinedTo, days: 3);
        Assert.Equal(StatutoryCalendar.ChinaOffset, decideBy.Offset);
        // The event tells supervision the same date, which it watches as a clock.
        var published = await routing.Factory.InDatabaseAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.EndsWith(nameof(RoutingDecisionRequired))).Select(m => m.Body).ToListAsync());
        var required = JsonSerializer.Deserialize<JsonElement>(Assert.Single(published));
        Assert.Equal(decideBy, required.GetProperty("decideBy").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_loaded_holiday_notice_moves_a_waiting_dispute_s_date_and_announces_it_once()
    {
        await using var routing = await RoutingService.StartAsync(infrastructure);
        var petitionId = await RegisterAndRouteAsync(routing);
        await DeclineUntilAwaitingAsync(routing, petitionId);
        // The dispute as if it began on Monday 2 March 2037 (a year no other test of this process counts on: the load
        // below changes the process's calendar): 7 days end on Monday 9 March, which the notice makes a holiday.
        var since = new DateTimeOffset(2037, 3, 2, 10, 0, 0, StatutoryCalendar.ChinaOffset);
        var provisional = new DateTimeOffset(2037, 3, 9, 23, 59, 59, StatutoryCalendar.ChinaOffset);
        Assert.Equal(provisional, StatutoryCalendar.China.DueBy(since, 7));
        await routing.Factory.InDatabaseAsync(db => db.RoutingRequests.Where(r => r.PetitionId == petitionId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.AwaitingSince, since).SetProperty(r => r.DecideBy, provisional)));
        var notice = new
        {
            holidays = new[] { new { first = "2037-01-01", last = "2037-01-01" }, new { first = "2037-03-09", last = "2037-03-09" } },
            workdays = Array.Empty<string>(),
            reference = "测试通知〔2036〕1号",
        };

        using var loaded = await routing.As("operator").PutAsJsonAsync("/api/routing/calendar/2037", notice);
        using var again = await routing.As("operator").PutAsJsonAsync("/api/routing/calendar/2037", notice);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (loaded.StatusCode, again.StatusCode));
        var moved = new DateTimeOffset(2037, 3, 10, 23, 59, 59, StatutoryCalendar.ChinaOffset);
        var read = await (await routing.ReaderForAsync(petitionId)).GetFromJsonAsync<JsonElement>($"/api/routing/petitions/{petitionId}");
        Assert.Equal(moved, read.GetProperty("decideBy").GetDateTimeOffset());
        var published = await routing.Factory.InDatabaseAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.EndsWith(nameof(DueDateChanged))).Select(m => m.Body).ToListAsync());
        var changed = JsonSerializer.Deserialize<DueDateChanged>(Assert.Single(published), JsonSerializerOptions.Web)!;
        Assert.Equal((petitionId, (Guid?)null, "330500/petition-bureau", DueDateClocks.DisputeDecision, since, provisional, moved, 2037),
            (changed.PetitionId, changed.CaseId, changed.OrgId, changed.Clock, changed.StartedAt, changed.PreviousDueBy, changed.DueBy, changed.NoticeYear));
    }

    /// <summary>A medical matter in Deqing county (330523): health declines, and the list has no fallback for it.</summary>
    private static async Task<Guid> RegisterAndRouteAsync(RoutingService routing)
    {
        var registered = new PetitionRegistered(
            Guid.NewGuid(), "330523-20261123-00007", "online", "complaint", "medical", "330523", "330523/petition-bureau", 35,
            DateTimeOffset.UtcNow, TrackingCodes.Hash("AB12-CD34-EF56-GH78"));
        await routing.PublishAsync(registered);
        await Eventually.HoldsAsync(
            async () => (await (await routing.ReaderForAsync(registered.PetitionId)).GetAsync($"/api/routing/petitions/{registered.PetitionId}")).StatusCode,
            status => status == HttpStatusCode.OK, because: "routing makes the first decision");
        return registered.PetitionId;
    }

    private static async Task<(JsonElement Routing, DateTimeOffset From, DateTimeOffset To)> DeclineUntilAwaitingAsync(
        RoutingService routing, Guid petitionId)
    {
        var from = DateTimeOffset.UtcNow;
        await routing.PublishAsync(new CaseDeclined(petitionId, Guid.NewGuid(), "330523/health", CaseStages.Original,
            "not a medical dispute", null, null, false, DateTimeOffset.UtcNow));
        var awaiting = await Eventually.HoldsAsync(
            async () => await (await routing.ReaderForAsync(petitionId)).GetFromJsonAsync<JsonElement>($"/api/routing/petitions/{petitionId}"),
            json => json.GetProperty("awaitingDecisionBy").ValueKind == JsonValueKind.String,
            because: "no candidate is left, so the common superior must decide");
        return (awaiting, from, DateTimeOffset.UtcNow);
    }

    /// <summary>The deadline is counted from when routing handled the decline, somewhere between the two instants.</summary>
    private static void AssertDueWithin(DateTimeOffset decideBy, DateTimeOffset from, DateTimeOffset to, int days) =>
        Assert.Contains(decideBy, new[] { StatutoryCalendar.China.DueBy(from, days), StatutoryCalendar.China.DueBy(to, days) });
}
