using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Handling;

/// <summary>
/// ACCESS.md on cases, with tokens of the real token service: only the lead unit acts; co-handlers read and add their
/// findings; a bureau reads what lies in its region and acts on nothing; a report reaches discipline only; a case
/// out of reach answers as one that does not exist; and no token is a 401.
/// </summary>
[Collection("infrastructure")]
public sealed class CaseAccessTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private HandlingHost _handling = null!;

    public async Task InitializeAsync() => _handling = await HandlingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _handling.DisposeAsync();

    [Theory]
    [InlineData("130724/housing", HttpStatusCode.NotFound)]          // another unit of the county: the case does not exist for it
    [InlineData("500112/hrss", HttpStatusCode.NotFound)]             // the same kind of unit elsewhere
    [InlineData("130000/petition-bureau", HttpStatusCode.Forbidden)] // oversees it, but acts on no case
    [InlineData("portal", HttpStatusCode.NotFound)]
    [InlineData("operator", HttpStatusCode.NotFound)]
    public async Task Only_the_lead_unit_accepts_answers_or_declines_a_case(string caller, HttpStatusCode expected)
    {
        var (caseId, _, _) = await _handling.OpenCaseAsync();

        foreach (var (action, body) in new (string, object)[]
        {
            ("accept", new { by = "张科长" }),
            ("decline", new { reason = "不属本单位职责" }),
            ("extension", new { days = 10, reason = "r", approvedBy = "a" }),
            ("answer", new { outcome = "support", opinion = "o", legalBasis = "l" }),
        })
        {
            using var response = await _handling.PostAsync(caseId, action, body, asClient: caller);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var untouched = await _handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        Assert.Equal("awaiting-acceptance", untouched.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _handling.PostAsync(caseId, "accept", new { by = "张科长" }, asClient: "130724/hrss")).StatusCode);
    }

    [Fact]
    public async Task A_co_handler_reads_the_case_and_adds_its_findings_in_its_own_name_but_does_not_answer()
    {
        var (petitionId, _) = await _handling.RegisterAsync();
        var caseId = (await _handling.RouteAsync(HandlingHost.Routed(petitionId, coHandlers: ["130724/justice"]), 1))[0]
            .GetProperty("caseId").GetString()!;
        var justice = _handling.As("130724/justice");
        Assert.Equal(HttpStatusCode.OK, (await _handling.PostAsync(caseId, "accept", new { by = "张科长" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await justice.GetAsync($"/api/handling/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _handling.PostAsync(caseId, "findings", new { orgId = "130724/justice", findings = "已核实" }, "130724/justice")).StatusCode);
        var inAnothersName = await _handling.PostAsync(caseId, "findings", new { orgId = "130724/hrss", findings = "冒名" }, "130724/justice");
        var answer = await _handling.PostAsync(caseId, "answer", new { outcome = "support", opinion = "o", legalBasis = "l" }, "130724/justice");

        Assert.Equal(HttpStatusCode.Forbidden, inAnothersName.StatusCode);
        Assert.Equal(["orgId"], (await inAnothersName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task A_report_is_seen_by_its_discipline_unit_and_those_above_it_only()
    {
        var (petitionId, _) = await _handling.RegisterAsync(kind: PetitionKinds.Report);
        var caseId = (await _handling.RouteAsync(
            HandlingHost.Routed(petitionId, "130724/discipline", mode: RoutingModes.ForwardToDiscipline, confidential: true), 1))[0]
            .GetProperty("caseId").GetString()!;

        foreach (var reader in new[] { "130724/discipline", "130700/discipline", "130000/discipline" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _handling.As(reader).GetAsync($"/api/handling/cases/{caseId}")).StatusCode);
            Assert.Single(await _handling.As(reader).GetFromJsonAsync<List<JsonElement>>($"/api/handling/petitions/{petitionId}/cases") ?? []);
        }

        foreach (var outsider in new[] { "130000/petition-bureau", "130724/petition-bureau", "130724/hrss", "500112/discipline" })
        {
            var client = _handling.As(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/handling/cases/{caseId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/handling/petitions/{petitionId}/cases")).StatusCode);
        }

        // Unknown and unreachable answer alike: nothing tells an outsider the report exists.
        var unknown = await _handling.As("130724/hrss").GetAsync($"/api/handling/cases/{Guid.NewGuid()}");
        var hidden = await _handling.As("130724/hrss").GetAsync($"/api/handling/cases/{caseId}");
        Assert.Equal((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            (await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("130724/hrss", "130724/hrss", HttpStatusCode.OK)]
    [InlineData("130700/petition-bureau", "130724/hrss", HttpStatusCode.OK)]       // the city's bureau oversees Guyuan
    [InlineData("130724/petition-bureau", "130724102/township-gov", HttpStatusCode.OK)]
    [InlineData("130724/housing", "130724/hrss", HttpStatusCode.Forbidden)]        // a unit lists its own cases only
    [InlineData("500112/petition-bureau", "130724/hrss", HttpStatusCode.Forbidden)] // another province's district
    [InlineData("130724/petition-bureau", "130700/hrss", HttpStatusCode.Forbidden)] // the county does not oversee the city
    [InlineData("portal", "130724/hrss", HttpStatusCode.Forbidden)]
    public async Task A_units_case_list_is_for_the_unit_and_the_bureaus_over_its_region(string caller, string unit, HttpStatusCode expected)
    {
        using var response = await _handling.As(caller).GetAsync($"/api/handling/cases?orgId={Uri.EscapeDataString(unit)}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_nothing_answers_but_the_petitioners_own_actions()
    {
        var (caseId, petitionId, _) = await _handling.OpenCaseAsync();
        using var anonymous = _handling.Service.CreateClient();

        foreach (var path in new[] { $"/api/handling/cases/{caseId}", $"/api/handling/petitions/{petitionId}/cases", "/api/handling/cases?orgId=130724/hrss" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "x" })).StatusCode);
        // The petitioner's evaluation is judged by its query code, not refused for want of a token.
        var evaluation = await anonymous.PostAsJsonAsync($"/api/handling/cases/{caseId}/evaluation", new { trackingCode = "AAAA-BBBB-CCCC-DDDD", rating = "satisfied" });
        Assert.Contains(evaluation.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
    }
}
