using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Audit;

/// <summary>
/// ACCESS.md rules 4 and 5 through the real services: every change and every clear read reaches the trail with who did
/// it; the petitioner's personal data is in clear for the registering bureau and the unit handling the case only.
/// </summary>
[Collection("infrastructure")]
public sealed class AuditTrailTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Registrar = "130000/petition-bureau";
    private const string CallerAddress = "203.0.113.9";

    private ServiceSet _services = null!;
    private ServiceFactory<AuditDbContext> _audit = null!;

    public async Task InitializeAsync()
    {
        _services = await ServiceSet.StartAsync(infrastructure);
        _audit = await AuditHost.StartAsync(infrastructure, _services.Messaging);
    }

    public async Task DisposeAsync()
    {
        await _audit.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Personal_data_is_in_clear_for_the_registrar_and_the_units_on_the_case_and_each_clear_read_is_audited()
    {
        var (petitionId, caseId, unit) = await RegisterAndOpenCaseAsync();

        var registrar = await PersonalDataAsync(Registrar, petitionId);
        var handler = await Eventually.HoldsAsync(() => PersonalDataAsync(unit, petitionId), r => r.StatusCode == HttpStatusCode.OK,
            because: "intake learns from handling's CaseOpened that the case is with the unit");
        var overseer = await PersonalDataAsync("130700/petition-bureau", petitionId);
        var stranger = await PersonalDataAsync("130724/housing", petitionId);

        Assert.Equal(HttpStatusCode.OK, registrar.StatusCode);
        var clear = await registrar.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("王建国", clear.GetProperty("petitioner").GetProperty("name").GetString());
        Assert.Equal("11010519491231002X", clear.GetProperty("petitioner").GetProperty("idNumber").GetString());
        Assert.Equal(["王建国", "李春生"], clear.GetProperty("representatives").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, handler.StatusCode);
        // The city's bureau reads the record (masked) but not the clear values; another unit of the county not even that.
        Assert.Equal(HttpStatusCode.Forbidden, overseer.StatusCode);
        Assert.Equal("application/problem+json", overseer.Content.Headers.ContentType?.MediaType);
        var masked = await _services.Intake.As("130700/petition-bureau").GetFromJsonAsync<JsonElement>($"/api/intake/petitions/{petitionId}");
        Assert.Equal("王**", masked.GetProperty("petitioner").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        var reads = await Eventually.HoldsAsync(
            () => _audit.EntriesAsync($"petitionId={petitionId}"),
            entries => entries.Count(e => Action(e) == AuditActions.PersonalDataRead) == 2,
            because: "each clear read reaches the trail");
        Assert.Equal([Registrar, unit], reads.Where(e => Action(e) == AuditActions.PersonalDataRead).Select(e => e.GetProperty("clientId").GetString()));

        // Declined, the case is no longer the unit's: its clear read, and the record, close to it.
        Assert.Equal(HttpStatusCode.OK, (await _services.Handling.As(unit)
            .PostAsJsonAsync($"/api/handling/cases/{caseId}/decline", new { reason = "不属本单位职责" })).StatusCode);
        await Eventually.HoldsAsync(() => PersonalDataAsync(unit, petitionId), r => r.StatusCode == HttpStatusCode.NotFound,
            because: "intake learns of the decline");
    }

    [Fact]
    public async Task Each_change_names_the_client_and_organisation_that_made_it_and_the_platform_for_its_own_decisions()
    {
        var (petitionId, caseId, unit) = await RegisterAndOpenCaseAsync();
        Assert.Equal(HttpStatusCode.OK, (await _services.Handling.As(unit)
            .PostAsJsonAsync($"/api/handling/cases/{caseId}/accept", new { by = "张科长" })).StatusCode);

        var entries = await Eventually.HoldsAsync(
            () => _audit.EntriesAsync($"petitionId={petitionId}"),
            e => e.Any(x => Action(x) == AuditActions.CaseAccepted),
            because: "the acceptance reaches the trail");

        var registered = entries.Single(e => Action(e) == AuditActions.PetitionRegistered);
        Assert.Equal(Registrar, registered.GetProperty("clientId").GetString());
        Assert.Equal(Registrar, registered.GetProperty("orgId").GetString());
        Assert.Equal("intake", registered.GetProperty("service").GetString());
        Assert.Matches("^[0-9a-f]{32}$", registered.GetProperty("traceId").GetString());
        Assert.Equal(CallerAddress, registered.GetProperty("sourceAddress").GetString());
        var routed = entries.Single(e => Action(e) == AuditActions.PetitionRouted);
        Assert.Equal(AuditActors.Platform, routed.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, routed.GetProperty("clientId").ValueKind);
        var accepted = entries.Single(e => Action(e) == AuditActions.CaseAccepted);
        Assert.Equal(unit, accepted.GetProperty("clientId").GetString());
        Assert.Equal(caseId, accepted.GetProperty("caseId").GetString());

        // By client: the unit's own entries only; by time: nothing before the trail began.
        var byUnit = await _audit.EntriesAsync($"clientId={Uri.EscapeDataString(unit)}&petitionId={petitionId}");
        Assert.All(byUnit, e => Assert.Equal(unit, e.GetProperty("clientId").GetString()));
        Assert.Empty(await _audit.EntriesAsync("to=2020-01-01T00:00:00Z"));
        var verification = await _audit.VerificationAsync();
        Assert.True(verification.GetProperty("intact").GetBoolean());
    }

    private async Task<(string PetitionId, string CaseId, string Unit)> RegisterAndOpenCaseAsync()
    {
        // As the gateway forwards it: the caller's address in X-Forwarded-For.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/petitions") { Content = JsonContent.Create(SamplePetitions.GuyuanWageArrears()) };
        request.Headers.Add("X-Forwarded-For", CallerAddress);
        using var registered = await _services.Intake.As(Registrar).SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var petitionId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString()!;
        var theCase = await Eventually.HoldsAsync(
            async () => await _services.Handling.As(Registrar).GetAsync($"/api/handling/petitions/{petitionId}/cases") is { IsSuccessStatusCode: true } ok
                ? await ok.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            cases => cases.ValueKind == JsonValueKind.Array && cases.GetArrayLength() == 1,
            because: "routing decides and handling opens the case");
        return (petitionId, theCase[0].GetProperty("caseId").GetString()!, theCase[0].GetProperty("orgId").GetString()!);
    }

    private Task<HttpResponseMessage> PersonalDataAsync(string client, string petitionId) =>
        _services.Intake.As(client).GetAsync($"/api/intake/petitions/{petitionId}/personal-data");

    private static string? Action(JsonElement entry) => entry.GetProperty("action").GetString();
}
