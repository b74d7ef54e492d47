using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using PetitionPlatform.AppHost.Infrastructure.Local;

namespace PetitionPlatform.TestSupport;

/// <summary>
/// The servers as local processes of the Debian packages: the AppHost's own resources, run by Aspire's test host, so
/// tests start them exactly as <c>eng/run.sh</c> does. Durability is off (the data is deleted at the end anyway).
/// </summary>
internal sealed class LocalTestServers(DistributedApplication application, string postgres, RabbitMqNode rabbitMq, string directory) : ITestServers
{
    private readonly List<DistributedApplication> _brokers = [];

    public string PostgresConnectionString { get; } = postgres + ";Database=postgres";

    public RabbitMqNode RabbitMq { get; } = rabbitMq;

    public IReadOnlyList<string> BackupArguments
    {
        get
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString);
            return ["--host", server.Host!, "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }
    }

    public static async Task<LocalTestServers> StartAsync(string directory)
    {
        var builder = Builder(directory);
        var postgres = builder.AddLocalPostgres("postgres", Path.Combine(directory, "local", "postgres"), NewPassword())
            .WithArgs("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=1000");
        var rabbitMq = builder.AddLocalRabbitMQ("rabbitmq", Path.Combine(directory, "local", "rabbitmq"), NewPassword());
        var application = await StartAsync(builder, "postgres", "rabbitmq");
        return new LocalTestServers(
            application,
            (await ((IResourceWithConnectionString)postgres.Resource).GetConnectionStringAsync())!,
            await NodeAsync(rabbitMq.Resource),
            directory);
    }

    public async Task<IStoppableBroker> StartBrokerAsync(string name)
    {
        var builder = Builder(directory);
        var broker = builder.AddLocalRabbitMQ(name, Path.Combine(directory, "local", name), NewPassword());
        var application = await StartAsync(builder, name);
        _brokers.Add(application);
        return new StoppableResource(application, broker.Resource, (await ((IResourceWithConnectionString)broker.Resource).GetConnectionStringAsync())!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var running in _brokers.Append(application))
        {
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    // The AppHost's assembly tells Aspire where DCP is and where the AppHost's scripts are.
    private static IDistributedApplicationTestingBuilder Builder(string directory) =>
        DistributedApplicationTestingBuilder.Create([$"--AppHost:DataDirectory={directory}"], (_, _) => { });

    private static async Task<DistributedApplication> StartAsync(IDistributedApplicationTestingBuilder builder, params string[] resources)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var application = await builder.BuildAsync(patience.Token);
        await application.StartAsync(patience.Token);
        foreach (var resource in resources)
        {
            await application.ResourceNotifications.WaitForResourceHealthyAsync(resource, patience.Token);
        }

        return application;
    }

    private static async Task<RabbitMqNode> NodeAsync(LocalRabbitMQResource node) => new(
        new Uri((await ((IResourceWithConnectionString)node).GetConnectionStringAsync())!),
        new Uri(node.GetEndpoint("management").Url + "/"));

    private static string NewPassword() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private sealed class StoppableResource(DistributedApplication application, IResource broker, string connectionString) : IStoppableBroker
    {
        public string ConnectionString => connectionString;

        public Task StopAsync() => application.ResourceCommands.ExecuteCommandAsync(broker, KnownResourceCommands.StopCommand);

        public async Task StartAsync()
        {
            await application.ResourceCommands.ExecuteCommandAsync(broker, KnownResourceCommands.StartCommand);
            await application.ResourceNotifications.WaitForResourceHealthyAsync(broker.Name);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
