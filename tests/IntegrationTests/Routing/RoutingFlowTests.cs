using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Routing;

/// <summary>Events on the real bus drive routing's decisions; its answers are read over HTTP and off the broker.</summary>
[Collection("infrastructure")]
public sealed class RoutingFlowTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private RoutingService _routing = null!;

    public async Task InitializeAsync() => _routing = await RoutingService.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _routing.DisposeAsync();

    private static PetitionRegistered Registered(string topic, string region, string receivedBy, string kind = "complaint") => new(
        Guid.NewGuid(), "130724-20261123-00001", "online", kind, topic, region, receivedBy, 35, DateTimeOffset.UtcNow, TrackingCodes.Hash("AB12-CD34-EF56-GH78"));

    private Task<JsonElement> RoutedAsync(Guid petitionId, int attempt) => Eventually.HoldsAsync(
        async () =>
        {
            var response = await (await _routing.ReaderForAsync(petitionId)).GetAsync($"/api/routing/petitions/{petitionId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        },
        json => json.ValueKind == JsonValueKind.Object && json.GetProperty("attempt").GetInt32() == attempt,
        because: $"routing records decision {attempt}");

    private Task<List<string>> PublishedAsync<T>(Guid petitionId, int count)
    {
        var seen = new List<string>();
        return Eventually.HoldsAsync(() => _routing.ReceivedAsync<T>(seen),
            bodies => bodies.Count(b => b.Contains(petitionId.ToString(), StringComparison.Ordinal)) >= count,
            because: $"{typeof(T).Name} reaches the broker");
    }

    [Fact]
    public async Task A_skip_level_petition_is_assigned_down_the_chain_and_announced()
    {
        var registered = Registered("wage-arrears", "130724102", "130000/petition-bureau");
        await _routing.PublishAsync(registered);

        var decision = await RoutedAsync(registered.PetitionId, 0);
        Assert.Equal("assign", decision.GetProperty("mode").GetString());
        Assert.Equal("130724/hrss", decision.GetProperty("responsibleOrgId").GetString());
        Assert.Equal(["130000/petition-bureau", "130700/petition-bureau", "130724/hrss"],
            decision.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(0, decision.GetProperty("coHandlerOrgIds").GetArrayLength());
        Assert.Contains("wage-arrears", decision.GetProperty("rule").GetString(), StringComparison.Ordinal);

        var routed = Assert.Single(await PublishedAsync<PetitionRouted>(registered.PetitionId, 1));
        var message = JsonDocument.Parse(routed).RootElement.GetProperty("message");
        Assert.Equal("130000/petition-bureau", message.GetProperty("orgId").GetString());
        Assert.Equal("沽源县人力资源和社会保障局", message.GetProperty("responsibleOrgName").GetString());
        Assert.Equal(0, message.GetProperty("attempt").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, message.GetProperty("reportBackDueBy").ValueKind);
    }

    [Fact]
    public async Task The_same_petition_announced_twice_is_routed_once()
    {
        var registered = Registered("utilities", "500116010", "500000/petition-bureau");
        await _routing.PublishAsync(registered);
        await _routing.PublishAsync(registered);

        await PublishedAsync<PetitionRouted>(registered.PetitionId, 1);
        // Both deliveries consumed (each has its inbox record, committed with whatever it decided): the count is final.
        await Eventually.HoldsAsync(() => _routing.Factory.InDatabaseAsync(db => db.Set<InboxMessage>()
                .CountAsync(m => m.PetitionId == registered.PetitionId && m.MessageType == nameof(PetitionRegistered))),
            count => count == 2, because: "routing consumes both announcements");
        Assert.Equal(1, await _routing.Factory.InDatabaseAsync(db => Task.FromResult(db.RoutingDecisions.Count(d => d.PetitionId == registered.PetitionId))));
    }

    [Fact]
    public async Task A_decline_naming_another_unit_reroutes_to_it()
    {
        var registered = Registered("wage-arrears", "130724102", "130724/petition-bureau");
        await _routing.PublishAsync(registered);
        await RoutedAsync(registered.PetitionId, 0);

        await _routing.PublishAsync(new CaseDeclined(registered.PetitionId, Guid.NewGuid(), "130724/hrss", CaseStages.Original,
            "the dispute is about a land contract", null, "130724/agriculture", false, DateTimeOffset.UtcNow));

        var decision = await RoutedAsync(registered.PetitionId, 1);
        Assert.Equal(("transfer", "130724/agriculture"), (decision.GetProperty("mode").GetString(), decision.GetProperty("responsibleOrgId").GetString()));
        Assert.Equal(["130724/petition-bureau", "130724/hrss", "130724/agriculture"], decision.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("declined by 130724/hrss", decision.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal("130724/hrss", decision.GetProperty("history")[0].GetProperty("responsibleOrgId").GetString());
        await PublishedAsync<PetitionRouted>(registered.PetitionId, 2);
    }

    [Fact]
    public async Task A_decline_with_no_candidate_left_asks_the_common_superior_to_decide()
    {
        var registered = Registered("medical", "330523", "330523/petition-bureau");
        await _routing.PublishAsync(registered);
        await RoutedAsync(registered.PetitionId, 0);

        await _routing.PublishAsync(new CaseDeclined(registered.PetitionId, Guid.NewGuid(), "330523/health", CaseStages.Original,
            "not a medical dispute", null, null, false, DateTimeOffset.UtcNow));

        var required = Assert.Single(await PublishedAsync<RoutingDecisionRequired>(registered.PetitionId, 1));
        Assert.Equal("330500/petition-bureau", JsonDocument.Parse(required).RootElement.GetProperty("message").GetProperty("deciderOrgId").GetString());
        var decision = await (await _routing.ReaderForAsync(registered.PetitionId)).GetFromJsonAsync<JsonElement>($"/api/routing/petitions/{registered.PetitionId}");
        Assert.Equal("330500/petition-bureau", decision.GetProperty("awaitingDecisionBy").GetString());
        // A dispute is the joint conference's to read (ACCESS.md), in its own region only, while it is one.
        var conference = _routing.As("330500/joint-conference");
        Assert.Equal(HttpStatusCode.OK, (await conference.GetAsync($"/api/routing/petitions/{registered.PetitionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _routing.As("330200/joint-conference").GetAsync($"/api/routing/petitions/{registered.PetitionId}")).StatusCode);

        // The superior decides; the petition leaves the waiting state with a new decision.
        var reroute = await _routing.As("330500/petition-bureau").PostAsJsonAsync($"/api/routing/petitions/{registered.PetitionId}/reroute",
            new { toOrgId = "330523/civil-affairs", reason = "special-hardship support", by = "330500/petition-bureau" });
        Assert.Equal(HttpStatusCode.OK, reroute.StatusCode);
        var after = await reroute.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("330523/civil-affairs", 1), (after.GetProperty("responsibleOrgId").GetString(), after.GetProperty("attempt").GetInt32()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("awaitingDecisionBy").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await conference.GetAsync($"/api/routing/petitions/{registered.PetitionId}")).StatusCode);
        var routed = await PublishedAsync<PetitionRouted>(registered.PetitionId, 2);
        Assert.Contains(routed, body => JsonDocument.Parse(body).RootElement.GetProperty("message").GetProperty("orgId").GetString() == "330500/petition-bureau");
    }

    [Fact]
    public async Task A_confidential_report_goes_straight_to_discipline_and_a_bureau_cannot_pull_it_out()
    {
        var registered = Registered("official-misconduct", "130724102", "130000/petition-bureau", kind: "report");
        await _routing.PublishAsync(registered);

        var decision = await RoutedAsync(registered.PetitionId, 0);
        Assert.Equal("forward-to-discipline", decision.GetProperty("mode").GetString());
        Assert.Equal(["130000/petition-bureau", "130724/discipline"], decision.GetProperty("path").EnumerateArray().Select(p => p.GetString()));

        var reroute = await _routing.As("130724/petition-bureau").PostAsJsonAsync($"/api/routing/petitions/{registered.PetitionId}/reroute",
            new { toOrgId = "130724/hrss", reason = "try labour", by = "130724/petition-bureau" });
        // A report does not exist for a bureau (ACCESS.md rule 3), even one it passed through.
        Assert.Equal(HttpStatusCode.NotFound, reroute.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _routing.Client.GetAsync($"/api/routing/petitions/{registered.PetitionId}")).StatusCode);
    }
}
