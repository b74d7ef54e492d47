using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.ServiceDefaults.Paging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Handling;

/// <summary>Routing decisions, published on the real broker, open (and close) cases.</summary>
[Collection("infrastructure")]
public sealed class CaseOpeningTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private HandlingHost _handling = null!;

    public async Task InitializeAsync() => _handling = await HandlingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _handling.DisposeAsync();

    [Fact]
    public async Task A_routed_petition_opens_a_case_awaiting_acceptance_within_fifteen_days()
    {
        var (petitionId, _) = await _handling.RegisterAsync();
        var routed = HandlingHost.Routed(petitionId, mode: RoutingModes.Assign, coHandlers: ["130724/justice"]);

        var listed = (await _handling.RouteAsync(routed, 1))[0];
        var caseId = listed.GetProperty("caseId").GetString()!;
        var c = await _handling.Client.GetFromJsonAsync<JsonElement>($"/api/handling/cases/{caseId}");

        Assert.Equal(petitionId.ToString(), c.GetProperty("petitionId").GetString());
        Assert.Equal(("original", "130724/hrss", "awaiting-acceptance", "assign"),
            (c.GetProperty("stage").GetString(), c.GetProperty("orgId").GetString(), c.GetProperty("status").GetString(), c.GetProperty("mode").GetString()));
        Assert.Equal(["130724/justice"], c.GetProperty("coHandlerOrgIds").EnumerateArray().Select(o => o.GetString()));
        var acceptanceDue = StatutoryCalendar.China.DueBy(routed.OccurredAt, StatutoryPeriods.AcceptanceDays);
        Assert.Equal(acceptanceDue, c.GetProperty("dueBy").GetDateTimeOffset());
        Assert.EndsWith("+08:00", c.GetProperty("dueBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(routed.ReportBackDueBy!.Value.ToUnixTimeSeconds(), c.GetProperty("reportBackDueBy").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.False(c.TryGetProperty("acceptedAt", out _));

        var opened = Assert.Single(await _handling.EventsAboutAsync(caseId));
        Assert.Equal(nameof(CaseOpened), opened.Type);
        Assert.Equal(acceptanceDue, opened.Body.GetProperty("acceptanceDueBy").GetDateTimeOffset());
        Assert.False(opened.Body.GetProperty("confidential").GetBoolean());
    }

    [Fact]
    public async Task A_redelivered_or_replayed_routing_decision_opens_one_case_only()
    {
        var (petitionId, _) = await _handling.RegisterAsync();
        var routed = HandlingHost.Routed(petitionId);
        var messageId = Guid.NewGuid();

        // The outbox's re-publish after a crash (same message id), then a replay under a new id.
        await _handling.Bus.Publish(routed, context => context.MessageId = messageId);
        await _handling.Bus.Publish(routed, context => context.MessageId = messageId);
        await _handling.Bus.Publish(routed);
        await Eventually.HoldsAsync(
            () => _handling.Service.InDatabaseAsync(db => db.Set<PetitionPlatform.Messaging.InboxMessage>()
                .CountAsync(m => m.PetitionId == petitionId && m.MessageType == nameof(PetitionRouted))),
            count => count == 2, because: "both distinct messages are processed");

        var cases = await _handling.CasesOfAsync(petitionId, 1);
        Assert.Single(cases);
        Assert.Single(await _handling.EventsAboutAsync(cases[0].GetProperty("caseId").GetString()!));
    }

    [Fact]
    public async Task A_later_routing_decision_closes_the_open_case_and_opens_one_at_the_new_unit()
    {
        var (petitionId, _) = await _handling.RegisterAsync();
        await _handling.RouteAsync(HandlingHost.Routed(petitionId, "130724/hrss"), 1);

        var cases = await _handling.RouteAsync(HandlingHost.Routed(petitionId, "130724/housing", attempt: 1), 2);

        Assert.Equal(
            [("130724/hrss", "closed"), ("130724/housing", "awaiting-acceptance")],
            cases.Select(c => (c.GetProperty("orgId").GetString(), c.GetProperty("status").GetString())));
        var closedId = cases[0].GetProperty("caseId").GetString();
        var accept = await _handling.PostAsync(closedId!, "accept", new { by = "张科长" });
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
    }

    [Fact]
    public async Task A_petition_guided_into_a_legal_procedure_opens_no_case()
    {
        var (petitionId, _) = await _handling.RegisterAsync();
        await _handling.Bus.Publish(HandlingHost.Routed(petitionId, "130724/court", mode: RoutingModes.GuideToLegal));

        await Eventually.HoldsAsync(
            () => _handling.Service.InDatabaseAsync(db => db.Set<PetitionPlatform.Messaging.InboxMessage>()
                .CountAsync(m => m.PetitionId == petitionId && m.MessageType == nameof(PetitionRouted))),
            count => count == 1, because: "the decision is processed");
        Assert.Empty(await _handling.CasesOfAsync(petitionId, 0));
        Assert.Equal(0, await _handling.Service.InDatabaseAsync(db => db.Cases.CountAsync(c => c.PetitionId == petitionId)));
    }

    [Fact]
    public async Task A_units_list_holds_only_its_own_cases_and_never_another_units_confidential_report()
    {
        var (complaint, _) = await _handling.RegisterAsync();
        var (report, _) = await _handling.RegisterAsync(kind: "report");
        await _handling.RouteAsync(HandlingHost.Routed(complaint, "130724/hrss"), 1);
        var reportCase = (await _handling.RouteAsync(
            HandlingHost.Routed(report, "130724/discipline", mode: RoutingModes.ForwardToDiscipline, confidential: true), 1))[0];

        var hrss = await _handling.As("130724/hrss").GetFromJsonAsync<List<JsonElement>>("/api/handling/cases?orgId=130724/hrss");
        var discipline = await _handling.As("130724/discipline").GetFromJsonAsync<List<JsonElement>>("/api/handling/cases?orgId=130724/discipline&status=awaiting-acceptance");
        var nobody = await _handling.As("130724/discipline").GetFromJsonAsync<List<JsonElement>>("/api/handling/cases?orgId=130724/discipline&status=in-progress");
        // The province's bureau oversees Guyuan, but a report is not its to see (ACCESS.md rule 3).
        var bureau = await _handling.Client.GetFromJsonAsync<List<JsonElement>>("/api/handling/cases?orgId=130724/discipline");

        Assert.Equal([complaint.ToString()], hrss!.Select(c => c.GetProperty("petitionId").GetString()));
        var only = Assert.Single(discipline!);
        Assert.True(only.GetProperty("confidential").GetBoolean());
        Assert.Empty(nobody!);
        Assert.Empty(bureau!);

        // Nor may the discipline unit bring anyone else into a report.
        var join = await _handling.PostAsync(reportCase.GetProperty("caseId").GetString()!, "co-handlers", new { orgIds = new[] { "130724/hrss" } });
        Assert.Equal(HttpStatusCode.Conflict, join.StatusCode);
    }

    [Fact]
    public async Task A_units_cases_are_read_a_page_at_a_time_in_their_order_by_following_the_next_link()
    {
        var opened = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (petitionId, _) = await _handling.RegisterAsync();
            await _handling.RouteAsync(HandlingHost.Routed(petitionId, "130724/hrss"), 1);
            opened.Add(petitionId.ToString());
        }

        var unit = _handling.As("130724/hrss");
        var all = await unit.GetFromJsonAsync<List<JsonElement>>("/api/handling/cases?orgId=130724/hrss");
        var (paged, pages) = await Pages.ReadAllAsync(unit, "/api/handling/cases?orgId=130724/hrss&limit=2");

        Assert.Equal(opened, all!.Select(c => c.GetProperty("petitionId").GetString()));
        Assert.Equal(3, pages);
        Assert.Equal(all!.Select(c => c.GetProperty("caseId").GetString()), paged.Select(c => c.GetProperty("caseId").GetString()));
        // The next page keeps the request's own filters.
        using var first = await unit.GetAsync("/api/handling/cases?orgId=130724/hrss&status=awaiting-acceptance&limit=4");
        Assert.Contains("status=awaiting-acceptance", PageLinks.NextOf(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_a_units_cases_needs_a_well_formed_unit_and_a_known_status()
    {
        var missing = await _handling.Client.GetAsync("/api/handling/cases");
        var wrong = await _handling.Client.GetAsync("/api/handling/cases?orgId=hrss&status=pending");
        var badPage = await _handling.Client.GetAsync("/api/handling/cases?orgId=130724/hrss&limit=0&after=not-a-cursor");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("orgId", out _));
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("orgId", out _));
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        var pageErrors = (await badPage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(pageErrors.TryGetProperty("limit", out _));
        Assert.True(pageErrors.TryGetProperty("after", out _));
    }

    [Fact]
    public async Task The_case_endpoints_are_described_in_the_openapi_document_agencies_generate_clients_from()
    {
        var document = await _handling.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        foreach (var action in new[] { "accept", "decline", "co-handlers", "extension", "answer", "evaluation", "review-request", "findings" })
        {
            Assert.Contains($"/api/handling/cases/{{caseId}}/{action}", paths);
        }

        Assert.Contains("/api/handling/petitions/{petitionId}/cases", paths);
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        foreach (var path in new[] { $"/api/handling/cases/{Guid.NewGuid()}", "/api/handling/cases/not-an-id", $"/api/handling/petitions/{Guid.NewGuid()}/cases" })
        {
            var response = await _handling.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var accept = await _handling.PostAsync(Guid.NewGuid().ToString(), "accept", new { by = "张科长" });
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
    }
}
