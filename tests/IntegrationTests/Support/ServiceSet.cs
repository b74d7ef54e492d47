using PetitionPlatform.Handling.Data;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>The five services on one virtual host, each with its own fresh database, as the AppHost wires them.</summary>
public sealed class ServiceSet : IAsyncDisposable
{
    private ServiceSet(string messaging, IReadOnlyDictionary<string, string> databases)
    {
        Messaging = messaging;
        Databases = databases;
        Routing = new(Settings("routingdb"));
        Intake = new(Settings("intakedb"), DirectoryWiring.Through(Routing));
        Handling = new(Settings("handlingdb"), DirectoryWiring.Through(Routing));
        Supervision = new(Settings("supervisiondb"), DirectoryWiring.Through(Routing));
        Notification = new(Settings("notificationdb"));
    }

    public string Messaging { get; }

    public IReadOnlyDictionary<string, string> Databases { get; }

    public ServiceFactory<IntakeDbContext> Intake { get; }

    public ServiceFactory<RoutingDbContext> Routing { get; }

    public ServiceFactory<HandlingDbContext> Handling { get; }

    public ServiceFactory<SupervisionDbContext> Supervision { get; }

    public ServiceFactory<NotificationDbContext> Notification { get; }

    /// <summary>
    /// Starts every service and waits until each is ready (database migrated, bus connected): an event published
    /// before a consumer's queue is bound would have nowhere to go.
    /// </summary>
    public static async Task<ServiceSet> StartAsync(SharedInfrastructure infrastructure, string? messaging = null)
    {
        // Services validate tokens of the run's token service; tests call them as one of its clients.
        await Identity.SharedTokens.StartAsync(infrastructure);
        var databases = new Dictionary<string, string>();
        foreach (var name in new[] { "intakedb", "routingdb", "handlingdb", "supervisiondb", "notificationdb" })
        {
            databases[name] = await infrastructure.CreateDatabaseAsync(name);
        }

        var set = new ServiceSet(messaging ?? await infrastructure.CreateVirtualHostAsync("flow"), databases);
        await Task.WhenAll(
            Ready(set.Intake.CreateClient()),
            Ready(set.Routing.CreateClient()),
            Ready(set.Handling.CreateClient()),
            Ready(set.Supervision.CreateClient()),
            Ready(set.Notification.CreateClient()));
        return set;
    }

    public static Task Ready(HttpClient client) => Eventually.HoldsAsync(
        async () => (await client.GetAsync("/health")).IsSuccessStatusCode, ready => ready, because: "the service becomes healthy");

    private Dictionary<string, string?> Settings(string database) => new()
    {
        [$"ConnectionStrings:{database}"] = Databases[database],
        ["ConnectionStrings:messaging"] = Messaging,
        // Tests should see an event leave within a poll even if a wake-up were missed.
        ["Outbox:PollInterval"] = "00:00:00.500",
    };

    public async ValueTask DisposeAsync()
    {
        await Intake.DisposeAsync();
        await Routing.DisposeAsync();
        await Handling.DisposeAsync();
        await Supervision.DisposeAsync();
        await Notification.DisposeAsync();
    }
}
