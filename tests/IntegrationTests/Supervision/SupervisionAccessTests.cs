using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// ACCESS.md on supervision's views, with tokens of the real token service: the ledger, backlog and indicators are for
/// the bureaus over the region (the joint conference reads its escalations), a report's ledger for discipline only, a
/// unit's notices for the unit and its overseers;
/// a petition out of reach answers as an unknown one; the progress view needs only the query code.
/// </summary>
[Collection("infrastructure")]
public sealed class SupervisionAccessTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private SupervisionUnderTest _host = null!;

    public async Task InitializeAsync() => _host = await SupervisionUnderTest.StartAsync(infrastructure, "access");

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData("130000/petition-bureau", HttpStatusCode.OK)]
    [InlineData("130700/petition-bureau", HttpStatusCode.OK)]
    [InlineData("130724/petition-bureau", HttpStatusCode.OK)]
    [InlineData("500000/petition-bureau", HttpStatusCode.NotFound)] // another province
    [InlineData("130724/hrss", HttpStatusCode.NotFound)]            // a unit reads its cases, not the ledger
    [InlineData("portal", HttpStatusCode.NotFound)]
    [InlineData("operator", HttpStatusCode.NotFound)]
    public async Task A_petitions_ledger_is_for_the_bureaus_over_its_region(string caller, HttpStatusCode expected)
    {
        var journey = PetitionJourney.Started(daysAgo: 1);
        await _host.Bus.Publish(journey.Registered());
        await LedgerOfAsync(journey.PetitionId);

        using var response = await _host.Service.As(caller).GetAsync($"/api/supervision/petitions/{journey.PetitionId}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_reports_ledger_is_for_discipline_only_and_reads_as_unknown_to_everyone_else()
    {
        var journey = PetitionJourney.Started(daysAgo: 1);
        await _host.Bus.Publish(journey.Registered() with { Kind = PetitionKinds.Report, Topic = "official-misconduct", Headcount = 1 });
        await LedgerOfAsync(journey.PetitionId, "130724/discipline");

        Assert.Equal(HttpStatusCode.OK, (await _host.Service.As("130000/discipline").GetAsync($"/api/supervision/petitions/{journey.PetitionId}")).StatusCode);
        var bureau = await _host.Client.GetAsync($"/api/supervision/petitions/{journey.PetitionId}");
        var unknown = await _host.Client.GetAsync($"/api/supervision/petitions/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, bureau.StatusCode);
        Assert.Equal((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            (await bureau.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("130700/petition-bureau", "/api/supervision/indicators?regionCode=130724&from=2026-01-01&to=2026-12-31", HttpStatusCode.OK)]
    [InlineData("130724/petition-bureau", "/api/supervision/indicators?regionCode=130700&from=2026-01-01&to=2026-12-31", HttpStatusCode.Forbidden)]
    [InlineData("500000/petition-bureau", "/api/supervision/indicators?regionCode=130000&from=2026-01-01&to=2026-12-31", HttpStatusCode.Forbidden)]
    [InlineData("130724/hrss", "/api/supervision/indicators?regionCode=130724&from=2026-01-01&to=2026-12-31", HttpStatusCode.Forbidden)]
    [InlineData("130724/petition-bureau", "/api/supervision/backlog?regionCode=130724", HttpStatusCode.OK)]
    [InlineData("130724/petition-bureau", "/api/supervision/backlog?regionCode=130000", HttpStatusCode.Forbidden)]
    [InlineData("portal", "/api/supervision/backlog?regionCode=130724", HttpStatusCode.Forbidden)]
    [InlineData("130724/hrss", "/api/supervision/notices?orgId=130724/hrss", HttpStatusCode.OK)]
    [InlineData("130724/housing", "/api/supervision/notices?orgId=130724/hrss", HttpStatusCode.Forbidden)]
    [InlineData("130724/petition-bureau", "/api/supervision/notices?orgId=130724/hrss", HttpStatusCode.OK)]
    [InlineData("130724/petition-bureau", "/api/supervision/notices?orgId=130724/discipline", HttpStatusCode.Forbidden)]
    [InlineData("130700/discipline", "/api/supervision/notices?orgId=130724/discipline", HttpStatusCode.OK)]
    public async Task Backlog_indicators_and_notices_are_for_those_who_oversee_them(string caller, string path, HttpStatusCode expected)
    {
        using var response = await _host.Service.As(caller).GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_bureau_takes_a_matter_over_in_its_own_name_only()
    {
        var journey = PetitionJourney.Started(daysAgo: 1);
        await _host.Bus.Publish(journey.Registered());
        await LedgerOfAsync(journey.PetitionId);

        var inAnothersName = await _host.Service.As("130700/petition-bureau").PostAsJsonAsync(
            $"/api/supervision/petitions/{journey.PetitionId}/leader", new { leader = "县委副书记", orgId = "130724/petition-bureau" });
        var byAUnit = await _host.Service.As("130724/hrss").PostAsJsonAsync(
            $"/api/supervision/petitions/{journey.PetitionId}/leader", new { leader = "局长", orgId = "130724/hrss" });

        Assert.Equal(HttpStatusCode.Forbidden, inAnothersName.StatusCode);
        Assert.Equal(["orgId"], (await inAnothersName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NotFound, byAUnit.StatusCode);
    }

    [Fact]
    public async Task The_joint_conference_reads_the_escalations_of_its_region_and_nothing_else_of_it()
    {
        const string conference = "130700/joint-conference";
        // Unaccepted for weeks: overdue, then escalated up the chain. The other is overdue by days: a notice, no escalation.
        var escalated = PetitionJourney.Started(daysAgo: 60);
        var late = PetitionJourney.Started(daysAgo: 20);
        // The late one waits at the county's bureau for its intake decision; each petitioner has a query code of their own.
        foreach (var message in new object[] { escalated.Registered(), escalated.Routed(), escalated.Opened(),
                     late.Registered() with { ReceivedBy = "130724/petition-bureau", TrackingCodeHash = TrackingCodes.Hash("4L8P-N2QX-7R3T-K9WD") } })
        {
            await _host.Bus.Publish(message);
        }

        await LedgerOfAsync(escalated.PetitionId);
        await LedgerOfAsync(late.PetitionId);
        await Eventually.HoldsAsync(async () => (await _host.Client.GetFromJsonAsync<JsonElement>("/api/supervision/backlog?regionCode=130724")).GetArrayLength(),
            entries => entries >= 2, because: "both matters have overdue clocks");
        // As of 59 days after the first was routed (weeks past its acceptance clock: escalated), which is 20 days after the
        // other was registered (days past its intake decision: overdue, not yet escalated).
        var asOf = escalated.RoutedAt.AddDays(59);
        using var evaluation = await _host.Client.PostAsync($"/api/supervision/dev/evaluate?asOf={Uri.EscapeDataString(asOf.ToString("O"))}", null);
        Assert.Equal(HttpStatusCode.OK, evaluation.StatusCode);
        var reader = _host.Service.As(conference);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/supervision/petitions/{escalated.PetitionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/supervision/petitions/{late.PetitionId}")).StatusCode);
        var backlog = await reader.GetFromJsonAsync<JsonElement>("/api/supervision/backlog?regionCode=130724");
        Assert.Equal([escalated.PetitionId.ToString()], backlog.EnumerateArray().Select(e => e.GetProperty("petitionId").GetString()).Distinct());
        var notices = await reader.GetFromJsonAsync<JsonElement>("/api/supervision/notices?orgId=130724/petition-bureau");
        var bureausNotices = await _host.Client.GetFromJsonAsync<JsonElement>("/api/supervision/notices?orgId=130724/petition-bureau");
        Assert.All(notices.EnumerateArray(), n => Assert.Equal("escalation", n.GetProperty("kind").GetString()));
        Assert.Contains(bureausNotices.EnumerateArray(), n => n.GetProperty("kind").GetString() != "escalation");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await reader.GetAsync("/api/supervision/indicators?regionCode=130724&from=2026-01-01&to=2026-12-31")).StatusCode);
    }

    [Fact]
    public async Task A_reports_overdue_clock_is_not_in_the_bureaus_backlog_while_a_complaints_is()
    {
        const string discipline = "130724/discipline";
        var report = PetitionJourney.Started(daysAgo: 40);
        var complaint = PetitionJourney.Started(daysAgo: 40);
        foreach (var message in new object[]
                 {
                     report.Registered() with { Kind = PetitionKinds.Report, Topic = "official-misconduct", Headcount = 1 },
                     report.Routed() with { ResponsibleOrgId = discipline, Mode = RoutingModes.ForwardToDiscipline, Confidential = true },
                     report.Opened() with { OrgId = discipline, Confidential = true },
                     complaint.Registered() with { TrackingCodeHash = TrackingCodes.Hash("4L8P-N2QX-7R3T-K9WD") },
                     complaint.Routed(), complaint.Opened(),
                 })
        {
            await _host.Bus.Publish(message);
        }

        await LedgerOfAsync(report.PetitionId, "130000/discipline");
        var backlog = await Eventually.HoldsAsync(() => _host.Client.GetFromJsonAsync<JsonElement>("/api/supervision/backlog?regionCode=130724"),
            entries => entries.EnumerateArray().Any(e => e.GetProperty("petitionId").GetString() == complaint.PetitionId.ToString()),
            because: "the complaint's acceptance is overdue");

        Assert.DoesNotContain(backlog.EnumerateArray(), e => e.GetProperty("petitionId").GetString() == report.PetitionId.ToString());
    }

    [Fact]
    public async Task Without_a_token_only_the_progress_view_answers()
    {
        var journey = PetitionJourney.Started(daysAgo: 1);
        await _host.Bus.Publish(journey.Registered());
        await LedgerOfAsync(journey.PetitionId);
        using var anonymous = _host.Service.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/track/{PetitionJourney.TrackingCode}")).StatusCode);
        foreach (var path in new[] { $"/api/supervision/petitions/{journey.PetitionId}", "/api/supervision/backlog?regionCode=130724",
                     "/api/supervision/notices?orgId=130724/hrss", "/api/supervision/indicators?regionCode=130724&from=2026-01-01&to=2026-12-31" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
    }

    private Task<HttpResponseMessage> LedgerOfAsync(Guid petitionId, string reader = "130000/petition-bureau") => Eventually.HoldsAsync(
        () => _host.Service.As(reader).GetAsync($"/api/supervision/petitions/{petitionId}"),
        response => response.IsSuccessStatusCode, because: "supervision records the registration");
}
