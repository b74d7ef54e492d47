using System.Net;
using System.Net.Http.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Routing;

/// <summary>
/// ACCESS.md on routing, with tokens of the real token service: a petition's routing is for the organisations it went
/// through and those overseeing its region; reroutes are the overseers' in their own name; terminations the
/// political-legal organs' of the region, in their own name; the directory is reference data open to every caller.
/// </summary>
[Collection("infrastructure")]
public sealed class RoutingAccessTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    // A fixed instant: who may read or act does not depend on when the matter was registered.
    private static readonly DateTimeOffset RegisteredAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private RoutingService _routing = null!;

    public async Task InitializeAsync() => _routing = await RoutingService.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _routing.DisposeAsync();

    [Theory]
    [InlineData("130724/hrss", HttpStatusCode.OK)]              // the unit it went to
    [InlineData("130724/petition-bureau", HttpStatusCode.OK)]   // registered it
    [InlineData("130700/petition-bureau", HttpStatusCode.OK)]   // oversees the region
    [InlineData("130724/housing", HttpStatusCode.NotFound)]
    [InlineData("500000/petition-bureau", HttpStatusCode.NotFound)]
    [InlineData("portal", HttpStatusCode.NotFound)]
    public async Task A_petitions_routing_is_for_whom_it_concerns(string caller, HttpStatusCode expected)
    {
        var petitionId = await RoutedAsync();

        Assert.Equal(expected, (await _routing.As(caller).GetAsync($"/api/routing/petitions/{petitionId}")).StatusCode);
    }

    [Fact]
    public async Task Reroutes_and_terminations_are_made_in_the_callers_own_name_and_only_by_its_roles()
    {
        var petitionId = await RoutedAsync();

        var asAnother = await _routing.As("130700/petition-bureau").PostAsJsonAsync($"/api/routing/petitions/{petitionId}/reroute",
            new { toOrgId = "130724/housing", reason = "r", by = "130724/petition-bureau" });
        var byAUnit = await _routing.As("130724/hrss").PostAsJsonAsync($"/api/routing/petitions/{petitionId}/reroute",
            new { toOrgId = "130724/housing", reason = "r", by = "130724/hrss" });
        var courtAsAnother = await _routing.As("130724/court").PostAsJsonAsync("/api/routing/terminations",
            new { petitionId, orgId = "130724/procuratorate", recordNumber = "n", reason = "r" });
        var elsewhere = await _routing.As("500112/court").PostAsJsonAsync("/api/routing/terminations",
            new { petitionId, orgId = "500112/court", recordNumber = "n", reason = "r" });
        var notAnOrgan = await _routing.As("130724/petition-bureau").PostAsJsonAsync("/api/routing/terminations",
            new { petitionId, orgId = "130724/court", recordNumber = "n", reason = "r" });

        Assert.Equal(HttpStatusCode.Forbidden, asAnother.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, courtAsAnother.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAnOrgan.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _routing.Client.GetAsync($"/api/routing/terminations/{petitionId}")).StatusCode);
    }

    [Fact]
    public async Task The_directory_answers_without_a_token_and_nothing_else_does()
    {
        var petitionId = await RoutedAsync();
        using var anonymous = _routing.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/routing/organizations/130724/hrss")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/routing/petitions/{petitionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/routing/terminations", new { petitionId })).StatusCode);
    }

    private async Task<Guid> RoutedAsync()
    {
        var petitionId = Guid.NewGuid();
        await _routing.PublishAsync(new PetitionRegistered(petitionId, "n", "online", "complaint", "wage-arrears", "130724102",
            "130724/petition-bureau", 1, RegisteredAt, TrackingCodes.Hash("AB12-CD34-EF56-GH78")));
        await Eventually.HoldsAsync(async () => await _routing.Client.GetAsync($"/api/routing/petitions/{petitionId}"), r => r.IsSuccessStatusCode,
            because: "routing decides");
        return petitionId;
    }
}
