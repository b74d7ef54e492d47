using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Messaging;

/// <summary>The plumbing's proof: intake's event reaches the four other services, each through its own queue and inbox.</summary>
[Collection("infrastructure")]
public sealed class RegistrationFlowTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceSet _services = null!;

    public async Task InitializeAsync() => _services = await ServiceSet.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Every_other_service_records_a_registered_petition_once()
    {
        var response = await _services.Intake.As("portal").RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var petitionId = Guid.Parse(body.GetProperty("petitionId").GetString()!);
        var number = body.GetProperty("number").GetString();

        var request = await Eventually.HoldsAsync(
            () => _services.Routing.InDatabaseAsync(db => db.RoutingRequests.SingleOrDefaultAsync(r => r.PetitionId == petitionId)),
            found => found is not null, because: "routing records the petition");
        Assert.Equal(("wage-arrears", "130724102", "130000/petition-bureau"), (request!.Topic, request.RegionCode, request.ReceivedBy));

        var ledger = await Eventually.HoldsAsync(
            () => _services.Supervision.InDatabaseAsync(db => db.LedgerPetitions.SingleOrDefaultAsync(p => p.PetitionId == petitionId)),
            found => found is not null, because: "supervision opens the ledger entry");
        Assert.Equal((number, "online", 35), (ledger!.Number, ledger.Channel, ledger.Headcount));

        await Eventually.HoldsAsync(
            () => _services.Handling.InDatabaseAsync(db => db.KnownPetitions.CountAsync(p => p.PetitionId == petitionId)),
            count => count == 1, because: "handling records the petition");
        await Eventually.HoldsAsync(
            () => _services.Notification.InDatabaseAsync(db => db.KnownPetitions.CountAsync(p => p.PetitionId == petitionId)),
            count => count == 1, because: "notification records the petition");
    }

    [Fact]
    public async Task Each_service_consumes_from_its_own_queue_so_none_steals_another_ones_copy()
    {
        var response = await _services.Intake.As("portal").RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var petitionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString();

        var consumers = new List<string>();
        foreach (var (client, prefix) in new[]
                 {
                     (_services.Routing.As("130000/petition-bureau"), "/api/routing"),
                     (_services.Handling.As("130000/petition-bureau"), "/api/handling"),
                     (_services.Supervision.As("130000/petition-bureau"), "/api/supervision"),
                     (_services.Notification.As("130000/petition-bureau"), "/api/notifications"),
                 })
        {
            // Later events of the lifecycle follow; the registration is processed once per queue of the service's own.
            var queues = prefix == "/api/supervision" ? 2 : 1;
            var view = await Eventually.HoldsAsync(
                () => client.GetFromJsonAsync<JsonElement>($"{prefix}/dev/messaging?petitionId={petitionId}"),
                json => json.GetProperty("inbox").EnumerateArray().Count(Registration) == queues, because: $"{prefix} processes the event");
            consumers.AddRange(view.GetProperty("inbox").EnumerateArray().Where(Registration).Select(m => m.GetProperty("consumer").GetString()!).Order());
        }

        Assert.Equal(
            // Supervision reads registrations twice, on two queues: for the ledger, and for early warnings.
            ["routing-petition-registered", "handling-petition-registered", "supervision-early-warning", "supervision-petition-registered", "notification-petition-registered"],
            consumers);
        Assert.Equal(0, await _services.Intake.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));
    }

    private static bool Registration(JsonElement processed) => processed.GetProperty("messageType").GetString() == "PetitionRegistered";
}
