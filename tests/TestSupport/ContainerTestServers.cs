using PetitionPlatform.AppHost.Infrastructure.Local;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace PetitionPlatform.TestSupport;

/// <summary>The servers as containers through Testcontainers' modules, on the images eng/images builds from Debian packages.</summary>
internal sealed class ContainerTestServers(PostgreSqlContainer postgres, RabbitMqContainer rabbitMq, string rabbitMqImage) : ITestServers
{
    private const ushort AmqpPort = 5672;
    private const ushort ManagementPort = 15672;

    public string PostgresConnectionString => postgres.GetConnectionString();

    public RabbitMqNode RabbitMq => Node(rabbitMq);

    // Inside the container, as the stack's own container is backed up: no replication entry for outside clients needed.
    public IReadOnlyList<string> BackupArguments => ["--container", postgres.Id];

    public static async Task<ContainerTestServers> StartAsync(string postgresImage, string rabbitMqImage)
    {
        DockerApiVersion.Negotiate();
        // The reaper's image would come from a registry, which is not reachable here; the servers are disposed instead.
        TestcontainersSettings.ResourceReaperEnabled = false;
        var postgres = new PostgreSqlBuilder(postgresImage)
            .WithCommand("-c", "max_connections=1000")
            // Each connection is a process with its own slice of shared memory; Docker's 64 MB /dev/shm is too small for hundreds.
            .WithCreateParameterModifier(parameters => (parameters.HostConfig ??= new HostConfig()).ShmSize = 256L * 1024 * 1024)
            .Build();
        var rabbitMq = Broker(rabbitMqImage, amqpHostPort: null);
        await Task.WhenAll(postgres.StartAsync(), rabbitMq.StartAsync());
        return new ContainerTestServers(postgres, rabbitMq, rabbitMqImage);
    }

    public async Task<IStoppableBroker> StartBrokerAsync(string name)
    {
        // A fixed host port: a stopped and restarted container keeps the address its clients were given.
        var container = Broker(rabbitMqImage, LocalPorts.Free());
        await container.StartAsync();
        return new StoppableContainer(container);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(postgres.DisposeAsync().AsTask(), rabbitMq.DisposeAsync().AsTask());
    }

    private static RabbitMqContainer Broker(string image, int? amqpHostPort)
    {
        var builder = new RabbitMqBuilder(image).WithPortBinding(ManagementPort, assignRandomHostPort: true);
        return (amqpHostPort is { } port ? builder.WithPortBinding(port, AmqpPort) : builder).Build();
    }

    private static RabbitMqNode Node(RabbitMqContainer container) =>
        new(new Uri(container.GetConnectionString()), new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(ManagementPort)}/"));

    private sealed class StoppableContainer(RabbitMqContainer container) : IStoppableBroker
    {
        public string ConnectionString { get; } = container.GetConnectionString();

        public Task StopAsync() => container.StopAsync();

        public Task StartAsync() => container.StartAsync();

        public ValueTask DisposeAsync() => container.DisposeAsync();
    }
}
