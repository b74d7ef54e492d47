using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Routing;

[Collection("infrastructure")]
public sealed class RerouteApiTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private RoutingService _routing = null!;

    public async Task InitializeAsync() => _routing = await RoutingService.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _routing.DisposeAsync();

    private async Task<Guid> RoutedAsync(string topic)
    {
        var petitionId = Guid.NewGuid();
        await _routing.PublishAsync(new PetitionRegistered(petitionId, "n", "online", "complaint", topic, "130724102", "130724/petition-bureau", 1,
            DateTimeOffset.UtcNow, TrackingCodes.Hash("AB12-CD34-EF56-GH78")));
        await Eventually.HoldsAsync(async () => await (await _routing.ReaderForAsync(petitionId)).GetAsync($"/api/routing/petitions/{petitionId}"), r => r.IsSuccessStatusCode);
        return petitionId;
    }

    [Fact]
    public async Task Missing_fields_and_an_unknown_unit_are_named()
    {
        var petitionId = await RoutedAsync("wage-arrears");

        var response = await _routing.Client.PostAsJsonAsync($"/api/routing/petitions/{petitionId}/reroute", new { toOrgId = "130724/bakery" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["by", "reason", "toOrgId"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task An_unknown_petition_is_a_404_problem()
    {
        var response = await _routing.As("130724/petition-bureau").PostAsJsonAsync($"/api/routing/petitions/{Guid.NewGuid()}/reroute",
            new { toOrgId = "130724/housing", reason = "r", by = "130724/petition-bureau" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _routing.ReaderForAsync(Guid.NewGuid())).GetAsync($"/api/routing/petitions/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_litigation_matter_cannot_be_rerouted()
    {
        var petitionId = await RoutedAsync("court-case");

        var response = await _routing.As("130724/petition-bureau").PostAsJsonAsync($"/api/routing/petitions/{petitionId}/reroute",
            new { toOrgId = "130724/justice", reason = "mediation", by = "130724/petition-bureau" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("litigation", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reroute_is_recorded_and_the_earlier_decision_kept_in_history()
    {
        var petitionId = await RoutedAsync("wage-arrears");

        var response = await _routing.As("130724/petition-bureau").PostAsJsonAsync($"/api/routing/petitions/{petitionId}/reroute",
            new { toOrgId = "130724/agriculture", reason = "a land contract", by = "130724/petition-bureau" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decision = await (await _routing.ReaderForAsync(petitionId)).GetFromJsonAsync<JsonElement>($"/api/routing/petitions/{petitionId}");
        Assert.Equal(("transfer", "130724/agriculture"), (decision.GetProperty("mode").GetString(), decision.GetProperty("responsibleOrgId").GetString()));
        // The bureau that decided handled the matter too, so it is on the path.
        Assert.Equal(["130724/petition-bureau", "130724/hrss", "130724/petition-bureau", "130724/agriculture"], decision.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("130724/hrss", Assert.Single(decision.GetProperty("history").EnumerateArray()).GetProperty("responsibleOrgId").GetString());
    }
}
