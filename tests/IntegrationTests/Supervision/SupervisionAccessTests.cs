using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// ACCESS.md on supervision's views, with tokens of the real token service: the ledger, backlog and indicators are for
/// the bureaus over the region, a report's ledger for discipline only, a unit's notices for the unit and its overseers;
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
