using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Handling;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Routing;

/// <summary>
/// Political-legal termination records through routing's HTTP API, with handling on the same broker: the record is kept,
/// PetitionTerminated goes out, and handling ends the matter.
/// </summary>
[Collection("infrastructure")]
public sealed class ReviewTerminationTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ReviewHost _host = null!;

    private HttpClient Routing => _host.Routing.Client;

    public async Task InitializeAsync() => _host = await ReviewHost.StartAsync(infrastructure, sharedBus: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Registered on the shared bus: routing routes it and handling opens the case at Guyuan's labour bureau.</summary>
    private async Task<(Guid PetitionId, string CaseId)> RoutedAsync()
    {
        var (petitionId, _) = await _host.Handling.RegisterAsync();
        var cases = await _host.Handling.CasesOfAsync(petitionId, 1);
        return (petitionId, cases[0].GetProperty("caseId").GetString()!);
    }

    [Fact]
    public async Task A_court_record_terminates_the_matter_and_handling_closes_the_open_case()
    {
        var (petitionId, caseId) = await RoutedAsync();

        var response = await _host.Routing.As("130724/court").PostAsJsonAsync("/api/routing/terminations",
            new { petitionId, orgId = "130724/court", recordNumber = "（2026）冀0724民终8号", reason = "已经人民法院终审判决，依法终结" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/routing/terminations/{petitionId}", response.Headers.Location?.OriginalString);
        var record = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("political-legal", "130724/court", "（2026）冀0724民终8号"),
            (record.GetProperty("kind").GetString(), record.GetProperty("orgId").GetString(), record.GetProperty("recordNumber").GetString()));
        var published = await _host.Routing.Factory.InDatabaseAsync(db =>
            db.Set<OutboxMessage>().Where(m => m.MessageType.EndsWith(nameof(PetitionTerminated))).Select(m => m.Body).ToListAsync());
        Assert.Contains(petitionId.ToString(), Assert.Single(published), StringComparison.Ordinal);

        await Eventually.HoldsAsync(
            async () => (await _host.Handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}")).GetProperty("status").GetString(),
            status => status == "closed", because: "handling hears of the termination and ends the open case");
        Assert.Equal(HttpStatusCode.OK, (await Routing.GetAsync($"/api/routing/terminations/{petitionId}")).StatusCode);
    }

    [Fact]
    public async Task A_matter_is_terminated_once_and_then_not_rerouted()
    {
        var (petitionId, _) = await RoutedAsync();
        var body = new { petitionId, orgId = "130724/public-security", recordNumber = "沽公终字〔2026〕3号", reason = "依法处理完毕" };
        Assert.Equal(HttpStatusCode.Created, (await _host.Routing.As("130724/public-security").PostAsJsonAsync("/api/routing/terminations", body)).StatusCode);

        var again = await _host.Routing.As("130724/public-security").PostAsJsonAsync("/api/routing/terminations", body with { recordNumber = "另一文号" });
        var reroute = await _host.Routing.As("130724/petition-bureau").PostAsJsonAsync($"/api/routing/petitions/{petitionId}/reroute",
            new { toOrgId = "130724/housing", reason = "改派", by = "130724/petition-bureau" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("沽公终字〔2026〕3号", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, reroute.StatusCode);
        Assert.Contains("terminated", (await reroute.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_and_a_unit_that_is_no_political_legal_organ_are_named()
    {
        var response = await _host.Routing.As("130724/court").PostAsJsonAsync("/api/routing/terminations", new { petitionId = "not-a-uuid", orgId = "130724/hrss", reason = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["orgId", "petitionId", "reason", "recordNumber"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("political-legal", errors.GetProperty("orgId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_petition_is_a_404_problem()
    {
        var response = await _host.Routing.As("130724/court").PostAsJsonAsync("/api/routing/terminations",
            new { petitionId = Guid.NewGuid(), orgId = "130724/court", recordNumber = "（2026）冀0724民终9号", reason = "终结" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
