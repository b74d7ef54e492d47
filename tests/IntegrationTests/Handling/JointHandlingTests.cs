using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Handling;

/// <summary>
/// Joint handling (会办) through the real HTTP API: co-handling units find the case in their list and add their findings;
/// the lead unit answers. Decisions arrive on the real broker as routing would publish them.
/// </summary>
[Collection("infrastructure")]
public sealed class JointHandlingTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Lead = "130724/hrss";
    private const string CoHandler = "130724/justice";
    private const string Outsider = "130724/housing";

    private HandlingHost _handling = null!;

    public async Task InitializeAsync() => _handling = await HandlingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _handling.DisposeAsync();

    [Fact]
    public async Task A_co_handler_finds_the_case_in_its_list_and_the_lead_unit_sees_its_own_role()
    {
        var caseId = await JointCaseAsync();

        var coHandled = await ListAsync(CoHandler);
        var lead = await ListAsync(Lead);
        var outsider = await ListAsync(Outsider);

        var listed = Assert.Single(coHandled);
        Assert.Equal((caseId, "co-handler", Lead), (listed.GetProperty("caseId").GetString(), listed.GetProperty("role").GetString(),
            listed.GetProperty("orgId").GetString()));
        Assert.Equal("lead", Assert.Single(lead).GetProperty("role").GetString());
        Assert.Empty(outsider);
        Assert.Single(await ListAsync(CoHandler, "in-progress"));
        Assert.Empty(await ListAsync(CoHandler, "answered"));
    }

    [Fact]
    public async Task A_report_is_never_listed_for_another_unit_even_if_a_decision_named_co_handlers()
    {
        var (petitionId, _) = await _handling.RegisterAsync("report");
        var cases = await _handling.RouteAsync(HandlingHost.Routed(petitionId, "130724/discipline", mode: RoutingModes.ForwardToDiscipline,
            confidential: true, coHandlers: [CoHandler]), 1);

        Assert.Empty(cases[0].GetProperty("coHandlerOrgIds").EnumerateArray());
        Assert.Empty(await ListAsync(CoHandler));
        Assert.Single(await ListAsync("130724/discipline"));
    }

    [Fact]
    public async Task Co_handlers_add_findings_which_the_lead_unit_reads_on_the_case_before_it_answers()
    {
        var caseId = await JointCaseAsync();

        var first = await OkAsync(await FindingsAsync(caseId, CoHandler, "经司法所调解，双方对拖欠工资数额无争议。"));
        var second = await OkAsync(await FindingsAsync(caseId, Lead, "劳动监察大队已现场核查工资台账。"));

        Assert.Equal("in-progress", second.GetProperty("status").GetString());
        var findings = second.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal([(CoHandler, "经司法所调解，双方对拖欠工资数额无争议。"), (Lead, "劳动监察大队已现场核查工资台账。")],
            findings.Select(f => (f.GetProperty("orgId").GetString(), f.GetProperty("findings").GetString())));
        Assert.Equal(TimeSpan.FromHours(8), findings[0].GetProperty("at").GetDateTimeOffset().Offset);
        Assert.Single(first.GetProperty("findings").EnumerateArray());
        var read = await _handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        Assert.Equal(2, read.GetProperty("findings").GetArrayLength());

        var events = (await _handling.EventsAboutAsync(caseId)).Where(e => e.Type == nameof(CaseFindingsAdded)).Select(e => e.Body).ToList();
        Assert.Equal([(CoHandler, 1), (Lead, 2)], events.Select(e => (e.GetProperty("byOrgId").GetString(), e.GetProperty("findingsCount").GetInt32())));
        Assert.All(events, e => Assert.Equal(Lead, e.GetProperty("orgId").GetString()));
        // The units' working text stays in handling; the event only announces it.
        Assert.DoesNotContain(events, e => e.GetRawText().Contains("调解", StringComparison.Ordinal));

        await OkAsync(await _handling.PostAsync(caseId, "answer", new { outcome = "support", opinion = "已责令公司支付。", legalBasis = "条例第三条" }));
        var late = await FindingsAsync(caseId, CoHandler, "补充意见");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("already been answered", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_outside_the_case_finds_no_case_is_not_named_by_another_and_adds_nothing()
    {
        var caseId = await JointCaseAsync();

        // With its own client the outsider learns nothing, not even that the case exists; a co-handler cannot speak for it.
        var own = await FindingsAsync(caseId, Outsider, "住建局意见");
        var response = await _handling.PostAsync(caseId, "findings", new { orgId = Outsider, findings = "住建局意见" }, CoHandler);

        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(Outsider, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["orgId"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await AssertNoFindingsAsync(caseId);
    }

    [Fact]
    public async Task Findings_wait_for_the_lead_unit_to_accept_the_case()
    {
        var (petitionId, _) = await _handling.RegisterAsync();
        var caseId = (await _handling.RouteAsync(HandlingHost.Routed(petitionId, coHandlers: [CoHandler]), 1))[0].GetProperty("caseId").GetString()!;

        var response = await FindingsAsync(caseId, CoHandler, "司法所意见");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not accepted", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNoFindingsAsync(caseId);
    }

    [Fact]
    public async Task Bad_findings_are_a_problem_naming_the_fields_and_an_unknown_case_is_not_found()
    {
        var caseId = await JointCaseAsync();

        await AssertFieldsAsync(await _handling.PostAsync(caseId, "findings", new { }), "orgId", "findings");
        await AssertFieldsAsync(await FindingsAsync(caseId, "justice", new string('查', 20_001)), "orgId", "findings");
        await AssertFieldsAsync(await FindingsAsync(caseId, CoHandler, "   "), "findings");
        Assert.Equal(HttpStatusCode.OK, (await FindingsAsync(caseId, CoHandler, new string('查', 20_000))).StatusCode);

        var unknown = await FindingsAsync(Guid.NewGuid().ToString(), CoHandler, "意见");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A complaint routed to the county labour bureau with the county justice bureau co-handling, accepted.</summary>
    private async Task<string> JointCaseAsync()
    {
        var (petitionId, _) = await _handling.RegisterAsync();
        var cases = await _handling.RouteAsync(HandlingHost.Routed(petitionId, Lead, coHandlers: [CoHandler]), 1);
        var caseId = cases[0].GetProperty("caseId").GetString()!;
        await OkAsync(await _handling.PostAsync(caseId, "accept", new { by = "张科长" }));
        return caseId;
    }

    private Task<HttpResponseMessage> FindingsAsync(string caseId, string orgId, string findings) =>
        // Each unit adds findings in its own name, with its own client.
        _handling.PostAsync(caseId, "findings", new { orgId, findings }, OrgId.IsWellFormed(orgId) ? orgId : null);

    private async Task<List<JsonElement>> ListAsync(string orgId, string? status = null) =>
        (await _handling.As(orgId).GetFromJsonAsync<List<JsonElement>>(
            $"/api/handling/cases?orgId={Uri.EscapeDataString(orgId)}" + (status is null ? "" : $"&status={status}")))!;

    private async Task AssertNoFindingsAsync(string caseId)
    {
        var c = await _handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        Assert.Empty(c.GetProperty("findings").EnumerateArray());
        Assert.DoesNotContain(await _handling.EventsAboutAsync(caseId), e => e.Type == nameof(CaseFindingsAdded));
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task AssertFieldsAsync(HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(fields.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
    }
}
