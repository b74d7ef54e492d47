using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Handling;

/// <summary>The units' and the petitioner's actions on a case, through the real HTTP API, with their events in the outbox.</summary>
[Collection("infrastructure")]
public sealed class CaseActionTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private HandlingHost _handling = null!;

    public async Task InitializeAsync() => _handling = await HandlingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _handling.DisposeAsync();

    [Fact]
    public async Task A_case_is_accepted_extended_answered_and_evaluated_with_an_event_for_each_step()
    {
        var (caseId, _, trackingCode) = await _handling.OpenCaseAsync();

        var accepted = await OkAsync(await _handling.PostAsync(caseId, "accept", new { by = "张科长" }));
        var acceptedAt = accepted.GetProperty("acceptedAt").GetDateTimeOffset();
        Assert.Equal("in-progress", accepted.GetProperty("status").GetString());
        Assert.Equal(StatutoryCalendar.China.DueBy(acceptedAt, 60), accepted.GetProperty("dueBy").GetDateTimeOffset());

        var extended = await OkAsync(await _handling.PostAsync(caseId, "extension", new { days = 20, reason = "需委托司法鉴定", approvedBy = "王局长" }));
        Assert.Equal(StatutoryCalendar.China.DueBy(acceptedAt, 80), extended.GetProperty("dueBy").GetDateTimeOffset());
        Assert.Equal((20, "需委托司法鉴定", "王局长"), (
            extended.GetProperty("extendedBy").GetProperty("days").GetInt32(),
            extended.GetProperty("extendedBy").GetProperty("reason").GetString(),
            extended.GetProperty("extendedBy").GetProperty("approvedBy").GetString()));

        var answered = await OkAsync(await _handling.PostAsync(caseId, "answer",
            new { outcome = "support", opinion = "经查属实，已责令该公司于30日内足额支付拖欠工资。", legalBasis = "《保障农民工工资支付条例》第三条" }));
        var answer = answered.GetProperty("answer");
        Assert.Equal(("answered", "support"), (answered.GetProperty("status").GetString(), answer.GetProperty("outcome").GetString()));
        Assert.Equal(StatutoryCalendar.China.DueBy(answer.GetProperty("at").GetDateTimeOffset(), 30), answer.GetProperty("reviewDueBy").GetDateTimeOffset());

        var evaluated = await OkAsync(await _handling.PostAsync(caseId, "evaluation", new { trackingCode, rating = "basically-satisfied" }));
        Assert.Equal("evaluated", evaluated.GetProperty("status").GetString());
        Assert.Equal("basically-satisfied", evaluated.GetProperty("evaluation").GetProperty("rating").GetString());

        var events = await _handling.EventsAboutAsync(caseId);
        Assert.Equal(
            [nameof(CaseOpened), nameof(CaseAccepted), nameof(CaseExtended), nameof(CaseAnswered), nameof(CaseEvaluated)],
            events.Select(e => e.Type));
        Assert.Equal(StatutoryCalendar.China.DueBy(acceptedAt, 80), events[2].Body.GetProperty("handlingDueBy").GetDateTimeOffset());
        Assert.Equal("basically-satisfied", events[4].Body.GetProperty("rating").GetString());
        // The petitioner's code is proof, never data: it appears nowhere in what handling publishes.
        Assert.DoesNotContain(events, e => e.Body.GetRawText().Contains(trackingCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_petitioner_can_type_the_code_without_dashes_and_in_lower_case()
    {
        var (caseId, _, trackingCode) = await _handling.OpenCaseAsync();
        await AnsweredAsync(caseId);

        var response = await _handling.PostAsync(caseId, "evaluation",
            new { trackingCode = trackingCode.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), rating = "satisfied" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_query_code_is_forbidden_and_reveals_nothing_about_the_case()
    {
        var (caseId, _, _) = await _handling.OpenCaseAsync();
        await AnsweredAsync(caseId);

        var wrongCode = await _handling.PostAsync(caseId, "evaluation", new { trackingCode = "AAAA-BBBB-CCCC-DDDD", rating = "dissatisfied" });
        var unknownCase = await _handling.PostAsync(Guid.NewGuid().ToString(), "evaluation", new { trackingCode = "AAAA-BBBB-CCCC-DDDD", rating = "dissatisfied" });

        Assert.Equal(HttpStatusCode.Forbidden, wrongCode.StatusCode);
        Assert.Equal("application/problem+json", wrongCode.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, unknownCase.StatusCode);
        Assert.Equal(Problem(await wrongCode.Content.ReadAsStringAsync()), Problem(await unknownCase.Content.ReadAsStringAsync()));
        var c = await _handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        Assert.Equal("answered", c.GetProperty("status").GetString());
        Assert.DoesNotContain(await _handling.EventsAboutAsync(caseId), e => e.Type == nameof(CaseEvaluated));
    }

    [Fact]
    public async Task An_action_the_status_does_not_allow_is_a_conflict_with_the_reason()
    {
        var (caseId, _, _) = await _handling.OpenCaseAsync();

        var early = await _handling.PostAsync(caseId, "answer", new { outcome = "explain", opinion = "说明", legalBasis = "条例" });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not accepted", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([nameof(CaseOpened)], (await _handling.EventsAboutAsync(caseId)).Select(e => e.Type));
    }

    [Fact]
    public async Task The_handling_period_is_extended_once_only()
    {
        var (caseId, _, _) = await _handling.OpenCaseAsync();
        await OkAsync(await _handling.PostAsync(caseId, "accept", new { by = "张科长" }));
        await OkAsync(await _handling.PostAsync(caseId, "extension", new { days = 10, reason = "现场核查", approvedBy = "王局长" }));

        var second = await _handling.PostAsync(caseId, "extension", new { days = 10, reason = "再次核查", approvedBy = "王局长" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("only once", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await _handling.EventsAboutAsync(caseId), e => e.Type == nameof(CaseExtended));
    }

    [Fact]
    public async Task A_unit_declines_with_its_reason_and_the_unit_it_believes_responsible()
    {
        var (caseId, _, _) = await _handling.OpenCaseAsync();

        var declined = await OkAsync(await _handling.PostAsync(caseId, "decline",
            new { reason = "所涉车库收费属物业管理事项，不属本局职责", legalBasis = "《物业管理条例》第五条", suggestedOrgId = "130724/housing" }));

        Assert.Equal("declined", declined.GetProperty("status").GetString());
        var decline = (await _handling.EventsAboutAsync(caseId)).Single(e => e.Type == nameof(CaseDeclined)).Body;
        Assert.Equal(("130724/hrss", "130724/housing", "《物业管理条例》第五条"), (
            decline.GetProperty("orgId").GetString(), decline.GetProperty("suggestedOrgId").GetString(), decline.GetProperty("legalBasis").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await _handling.PostAsync(caseId, "accept", new { by = "张科长" })).StatusCode);
    }

    [Fact]
    public async Task Co_handling_units_join_the_case()
    {
        var (caseId, _, _) = await _handling.OpenCaseAsync();

        var joined = await OkAsync(await _handling.PostAsync(caseId, "co-handlers", new { orgIds = new[] { "130724/housing", "130724102/township-gov" } }));

        Assert.Equal(["130724/housing", "130724102/township-gov"], joined.GetProperty("coHandlerOrgIds").EnumerateArray().Select(o => o.GetString()));
        var added = (await _handling.EventsAboutAsync(caseId)).Single(e => e.Type == nameof(CoHandlersAdded)).Body;
        Assert.Equal(2, added.GetProperty("coHandlerOrgIds").GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field_and_changes_nothing()
    {
        var (caseId, _, _) = await _handling.OpenCaseAsync();

        await AssertFieldsAsync(await _handling.PostAsync(caseId, "accept", new { }), "by");
        await AssertFieldsAsync(await _handling.PostAsync(caseId, "decline", new { suggestedOrgId = "housing" }), "reason", "suggestedOrgId");
        await AssertFieldsAsync(await _handling.PostAsync(caseId, "co-handlers", new { orgIds = Array.Empty<string>() }), "orgIds");
        await AssertFieldsAsync(await _handling.PostAsync(caseId, "co-handlers", new { orgIds = new[] { "130724/housing", "nope" } }), "orgIds[1]");
        await AssertFieldsAsync(await _handling.PostAsync(caseId, "co-handlers", new { orgIds = new[] { "130724/hrss" } }), "orgIds[0]");
        await AssertFieldsAsync(await _handling.PostAsync(caseId, "extension", new { days = 31 }), "days", "reason", "approvedBy");
        await AssertFieldsAsync(await _handling.PostAsync(caseId, "answer", new { outcome = "maybe", opinion = new string('很', 20_001) }), "outcome", "opinion", "legalBasis");
        await AssertFieldsAsync(await _handling.PostAsync(caseId, "evaluation", new { rating = "great" }), "trackingCode", "rating");
        await AssertFieldsAsync(await _handling.As("130724/hrss").PostAsync($"/api/handling/cases/{caseId}/extension",
            new StringContent("""{"days":"ten"}""", System.Text.Encoding.UTF8, "application/json")), "days");

        var c = await _handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        Assert.Equal("awaiting-acceptance", c.GetProperty("status").GetString());
        Assert.Equal([nameof(CaseOpened)], (await _handling.EventsAboutAsync(caseId)).Select(e => e.Type));
    }

    [Fact]
    public async Task Of_two_simultaneous_transitions_on_one_case_only_one_succeeds()
    {
        var (caseId, _, _) = await _handling.OpenCaseAsync();

        var responses = await Task.WhenAll(
            _handling.PostAsync(caseId, "accept", new { by = "张科长" }),
            _handling.PostAsync(caseId, "decline", new { reason = "不属本单位职责" }),
            _handling.PostAsync(caseId, "accept", new { by = "李科长" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var decisions = (await _handling.EventsAboutAsync(caseId)).Where(e => e.Type is nameof(CaseAccepted) or nameof(CaseDeclined));
        Assert.Single(decisions);
        Assert.Equal(1, await _handling.Service.InDatabaseAsync(db => db.Cases.CountAsync(c => c.Id == Guid.Parse(caseId))));
    }

    [Fact]
    public async Task A_decision_taken_on_a_stale_read_of_the_case_is_not_saved()
    {
        var (caseId, _, _) = await _handling.OpenCaseAsync();
        await using var scope = _handling.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandlingDbContext>();
        var stale = await db.Cases.SingleAsync(c => c.Id == Guid.Parse(caseId));

        // Another clerk accepts in the meantime; this one still sees the case awaiting acceptance and declines it.
        await OkAsync(await _handling.PostAsync(caseId, "accept", new { by = "张科长" }));
        Assert.True(stale.Decline("不属本单位职责", null, null, DateTimeOffset.UtcNow).IsAllowed);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        var c = await _handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");
        Assert.Equal("in-progress", c.GetProperty("status").GetString());
    }

    private async Task AnsweredAsync(string caseId)
    {
        await OkAsync(await _handling.PostAsync(caseId, "accept", new { by = "张科长" }));
        await OkAsync(await _handling.PostAsync(caseId, "answer", new { outcome = "explain", opinion = "已向公司了解情况并作说明。", legalBasis = "《信访工作条例》第三十三条" }));
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
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(fields.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
    }

    /// <summary>The problem without its per-request trace id, to compare two answers.</summary>
    private static string Problem(string json)
    {
        var problem = JsonDocument.Parse(json).RootElement;
        return $"{problem.GetProperty("status")}|{problem.GetProperty("title")}|{problem.GetProperty("detail")}";
    }
}
