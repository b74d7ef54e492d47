using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Messaging;

/// <summary>
/// The broker goes away while petitions keep arriving. Registration must still succeed, the events must wait in
/// the outbox, and they must reach the other services once the broker is back. Uses a broker of its own: the
/// shared one must stay up for the other tests.
/// </summary>
[Collection("infrastructure")]
public sealed class OutboxOutageTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private IStoppableBroker _broker = null!;
    private ServiceSet _services = null!;

    public async Task InitializeAsync()
    {
        // Started as the shared servers are: with containers the outage is a stopped container, locally a stopped node.
        _broker = await infrastructure.StartBrokerAsync("outage");
        _services = await ServiceSet.StartAsync(infrastructure, _broker.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Events_committed_while_the_broker_is_down_are_delivered_when_it_is_back()
    {
        await _broker.StopAsync();

        var response = await _services.Intake.As("portal").RegisterAsync(SamplePetitions.GuyuanWageArrears());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var petitionId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString()!);

        // While the broker is away the event waits, with the reason recorded for operators.
        var waiting = await Eventually.HoldsAsync(
            () => _services.Intake.InDatabaseAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.MessageType == typeof(PetitionRegistered).FullName)),
            message => message.Attempts > 0 && message.LastError is not null,
            because: "the dispatcher tries, fails and records why");
        Assert.Null(waiting.SentAt);

        await _broker.StartAsync();

        await Eventually.HoldsAsync(
            () => _services.Routing.InDatabaseAsync(db => db.RoutingRequests.CountAsync(r => r.PetitionId == petitionId)),
            count => count == 1, within: TimeSpan.FromSeconds(90), because: "routing receives the event once the broker is back");
        await Eventually.HoldsAsync(
            () => _services.Supervision.InDatabaseAsync(db => db.LedgerPetitions.CountAsync(p => p.PetitionId == petitionId)),
            count => count == 1, within: TimeSpan.FromSeconds(30), because: "supervision receives it too");
        // Every event of the registration (the receipt request and the audit entry too) leaves once the broker is back;
        // the dispatcher may still be between rounds when the first has arrived, so wait for the rest rather than assume.
        await Eventually.HoldsAsync(
            () => _services.Intake.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)),
            unsent => unsent == 0, within: TimeSpan.FromSeconds(60), because: "the outbox drains once the broker is back");
    }
}
