using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

using PetitionPlatform.IntegrationTests.Identity;

namespace PetitionPlatform.IntegrationTests.Routing;

/// <summary>The seeds' Guyuan case from intake's HTTP API to routing's decision, over the real broker.</summary>
[Collection("infrastructure")]
public sealed class RegistrationToRoutingTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private RoutingService _routing = null!;
    private ServiceFactory<IntakeDbContext> _intake = null!;

    public async Task InitializeAsync()
    {
        // Intake needs a client: registrations come from a portal's, reads from a bureau's.
        await SharedTokens.StartAsync(infrastructure);
        _routing = await RoutingService.StartAsync(infrastructure);
        _intake = new ServiceFactory<IntakeDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:intakedb"] = await infrastructure.CreateDatabaseAsync("intake"),
            ["ConnectionStrings:messaging"] = _routing.Messaging,
            ["Outbox:PollInterval"] = "00:00:00.500",
        }, DirectoryWiring.Through(_routing.Factory));
        await ServiceSet.Ready(_intake.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _intake.DisposeAsync();
        await _routing.DisposeAsync();
    }

    [Fact]
    public async Task Wage_arrears_registered_at_the_province_are_assigned_to_guyuan_labour_inspection()
    {
        var registration = await _intake.As("portal").RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var petitionId = (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString()!;

        var decision = await Eventually.HoldsAsync(
            async () =>
            {
                var response = await (await _routing.ReaderForAsync(petitionId)).GetAsync($"/api/routing/petitions/{petitionId}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            json => json.ValueKind == JsonValueKind.Object, because: "routing decides on the registered petition");

        Assert.Equal("assign", decision.GetProperty("mode").GetString());
        Assert.Equal("130724/hrss", decision.GetProperty("responsibleOrgId").GetString());
        Assert.Equal(["130000/petition-bureau", "130700/petition-bureau", "130724/hrss"],
            decision.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("沽源县", decision.GetProperty("rule").GetString(), StringComparison.Ordinal);
    }
}
