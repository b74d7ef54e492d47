using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Local;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>
/// PostgreSQL and RabbitMQ as Docker containers through Testcontainers' modules. Credentials are kept in the requested
/// data directory as the local provider keeps them; the data itself lives in the container, or with
/// <see cref="ContainerProviderOptions.KeepData"/> in a named volume tied to that directory. Every container is labelled
/// with its owner, and the first start of a provider removes what owners that no longer run left behind.
/// </summary>
public sealed class ContainerProvider : IInfrastructureProvider
{
    private const int PostgresPort = 5432;
    private const int AmqpPort = 5672;
    private const int ManagementPort = 15672;

    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task? _sweep;

    static ContainerProvider()
    {
        // Before anything of Testcontainers is touched: it reads the API version when it creates its first client.
        DockerApiVersion.Negotiate();
        DisableResourceReaper();
    }

    public ContainerProvider(ContainerProviderOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new ContainerProviderOptions();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ContainerProvider>();
    }

    public string Name => "containers";

    public ContainerProviderOptions Options { get; }

    public async Task<IPostgresServer> StartPostgresAsync(PostgresServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await SweepOnceAsync(cancellationToken);
        var port = TcpPorts.Claim(options.Port, options.Name);
        var directory = CredentialsDirectory(options.DataDirectory);
        var credentials = StoredCredentials.LoadOrCreate(
            directory,
            options.Name,
            () => StoredCredentials.Generate("postgres"),
            options.Password is null ? null : new StoredCredentials("postgres", options.Password));

        var builder = new PostgreSqlBuilder(Options.PostgresImage)
            .WithUsername(credentials.Username)
            .WithPassword(credentials.Password)
            .WithDatabase("postgres")
            .WithPortBinding(port, PostgresPort)
            .WithCommand("-c", $"max_connections={options.MaxConnections}")
            // A connection is a process with its own slice of shared memory; Docker's 64 MB /dev/shm is too small for hundreds.
            .WithCreateParameterModifier(parameters => (parameters.HostConfig ??= new HostConfig()).ShmSize = 256L * 1024 * 1024);
        if (options.Durable)
        {
            // The module switches durability off for speed; later -c settings win, so these switch it back on.
            builder = builder.WithCommand("-c", "fsync=on", "-c", "full_page_writes=on", "-c", "synchronous_commit=on");
        }

        builder = Label(builder, options.Name);
        if (Options.KeepData)
        {
            builder = builder.WithVolumeMount(await KeepDataAsync(options.Name, directory, cancellationToken), "/var/lib/postgresql/data");
        }

        if (options.Output is { } output)
        {
            builder = builder.WithOutputConsumer(new ContainerOutput(options.Name, output));
        }

        ContainerLog.Starting(_logger, options.Name, Options.PostgresImage);
        var server = new ContainerPostgresServer(builder.Build(), options.Name, directory, credentials, this);
        return await StartOrDisposeAsync(server, server.StartAsync, cancellationToken);
    }

    public async Task<IRabbitMqServer> StartRabbitMqAsync(RabbitMqServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await SweepOnceAsync(cancellationToken);
        var amqpPort = TcpPorts.Claim(options.AmqpPort, options.Name);
        var managementPort = TcpPorts.Claim(options.ManagementPort, options.Name);
        var directory = CredentialsDirectory(options.DataDirectory);
        var requested = (options.Username, options.Password) switch
        {
            (null, null) => null,
            (not null, not null) => new StoredCredentials(options.Username, options.Password),
            _ => throw new ArgumentException("Give both a RabbitMQ username and a password, or neither.", nameof(options)),
        };
        var credentials = StoredCredentials.LoadOrCreate(directory, options.Name, () => StoredCredentials.Generate("admin"), requested);

        var builder = new RabbitMqBuilder(Options.RabbitMqImage)
            .WithUsername(credentials.Username)
            .WithPassword(credentials.Password)
            .WithPortBinding(amqpPort, AmqpPort)
            .WithPortBinding(managementPort, ManagementPort)
            // RabbitMQ names its data after the node, and the node after the host: a fixed host name keeps kept data usable.
            .WithHostname("rabbitmq");
        builder = Label(builder, options.Name);
        if (Options.KeepData)
        {
            builder = builder.WithVolumeMount(await KeepDataAsync(options.Name, directory, cancellationToken), "/var/lib/rabbitmq");
        }

        if (options.Output is { } output)
        {
            builder = builder.WithOutputConsumer(new ContainerOutput(options.Name, output));
        }

        ContainerLog.Starting(_logger, options.Name, Options.RabbitMqImage);
        var server = new ContainerRabbitMqServer(builder.Build(), options.Name, directory, credentials, this);
        return await StartOrDisposeAsync(server, server.StartAsync, cancellationToken);
    }

    /// <summary>
    /// Removes containers whose owning process (on this machine) is gone, and kept-data volumes whose data directory no
    /// longer exists. Runs once per provider before its first start; tests whose fixtures die leave nothing for long.
    /// </summary>
    public async Task SweepLeftoversAsync(CancellationToken cancellationToken)
    {
        using var client = CreateDockerClient();
        var containers = await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Machine}={ContainerLabels.ThisMachine}"] = true },
                },
            },
            cancellationToken);
        foreach (var container in containers)
        {
            var owner = container.Labels.TryGetValue(ContainerLabels.Owner, out var value) ? value : string.Empty;
            if (int.TryParse(owner, out var processId) && ProcessIsRunning(processId))
            {
                continue;
            }

            var server = container.Labels.TryGetValue(ContainerLabels.Server, out var name) ? name : "?";
            try
            {
                await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken);
                ContainerLog.RemovedLeftover(_logger, container.ID[..12], server, owner);
            }
            catch (DockerApiException e)
            {
                ContainerLog.LeftoverNotRemoved(_logger, "container", container.ID[..12], e);
            }
        }

        var volumes = await client.Volumes.ListAsync(
            new VolumesListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [ContainerLabels.DataDirectory] = true } },
            },
            cancellationToken);
        foreach (var volume in volumes.Volumes ?? [])
        {
            var directory = volume.Labels?.TryGetValue(ContainerLabels.DataDirectory, out var path) == true ? path : null;
            if (directory is null || Directory.Exists(directory)
                || volume.Labels?.TryGetValue(ContainerLabels.Machine, out var machine) != true || machine != ContainerLabels.ThisMachine)
            {
                continue;
            }

            try
            {
                await client.Volumes.RemoveAsync(volume.Name, force: false, cancellationToken);
                ContainerLog.RemovedOrphanVolume(_logger, volume.Name, directory);
            }
            catch (DockerApiException e)
            {
                ContainerLog.LeftoverNotRemoved(_logger, "volume", volume.Name, e);
            }
        }
    }

    /// <summary>The process id Docker reports for the container's main process, or null when it is not running.</summary>
    internal async Task<int?> MainProcessIdAsync(string containerId, CancellationToken cancellationToken)
    {
        using var client = CreateDockerClient();
        var inspected = await client.Containers.InspectContainerAsync(containerId, cancellationToken);
        return inspected.State is { Running: true, Pid: > 0 } state ? (int)state.Pid : null;
    }

    internal TimeSpan StartTimeout => Options.StartTimeout;

    internal ILogger Logger => _logger;

    // A method of its own so that the JIT cannot initialise Testcontainers' settings before the version is negotiated.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void DisableResourceReaper() =>
        // The reaper is a container of its own pulled from Docker Hub, which an air-gapped machine cannot reach. Without
        // it, the servers remove their containers on dispose and the sweep removes those of processes that were killed.
        TestcontainersSettings.ResourceReaperEnabled = false;

    private static DockerClient CreateDockerClient() =>
        TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.Empty).Build();

    private static TBuilder Label<TBuilder, TContainer, TConfiguration>(ContainerBuilder<TBuilder, TContainer, TConfiguration> builder, string serverName)
        where TBuilder : ContainerBuilder<TBuilder, TContainer, TConfiguration>
        where TContainer : IContainer
        where TConfiguration : IContainerConfiguration =>
        builder
            .WithLabel(ContainerLabels.Owner, ContainerLabels.ThisProcess)
            .WithLabel(ContainerLabels.Machine, ContainerLabels.ThisMachine)
            .WithLabel(ContainerLabels.Server, serverName);

    private static string CredentialsDirectory(string dataDirectory)
    {
        var full = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(full);
        return full;
    }

    private static async Task<string> KeepDataAsync(string serverName, string directory, CancellationToken cancellationToken)
    {
        var name = ContainerLabels.VolumeName(serverName, directory);
        // Creating a volume that exists returns it unchanged, so this is also how a later run finds its data again.
        using var client = CreateDockerClient();
        await client.Volumes.CreateAsync(
            new VolumesCreateParameters
            {
                Name = name,
                Labels = new Dictionary<string, string>
                {
                    [ContainerLabels.DataDirectory] = directory,
                    [ContainerLabels.Machine] = ContainerLabels.ThisMachine,
                    [ContainerLabels.Server] = serverName,
                },
            },
            cancellationToken);
        return name;
    }

    private static async Task<TServer> StartOrDisposeAsync<TServer>(TServer server, Func<CancellationToken, Task> start, CancellationToken cancellationToken)
        where TServer : IAsyncDisposable
    {
        try
        {
            await start(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static bool ProcessIsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        Task sweep;
        lock (_gate)
        {
            sweep = _sweep ??= SweepLeftoversAsync(CancellationToken.None);
        }

        try
        {
            await sweep.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or IOException or TimeoutException)
        {
            lock (_gate)
            {
                // The next start tries again (the engine may have come up meanwhile).
                _sweep = null;
            }

            throw new HostingException($"The Docker engine at {DockerEngine.Endpoint} did not answer ({e.Message}); start it (dockerd) or run with PETITION_INFRASTRUCTURE=local.", e);
        }
    }
}
