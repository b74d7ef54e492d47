using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Local;

/// <summary>
/// PostgreSQL and RabbitMQ as child processes of the OS packages (Debian's <c>postgresql</c> and <c>rabbitmq-server</c>):
/// no Docker, data under a directory of the caller's choosing, started in seconds. Every process it starts belongs to the
/// server object it returns and stops when that is disposed; processes an earlier, crashed run left on the same data
/// directory are stopped first.
/// </summary>
public sealed class LocalProcessProvider(LocalProcessProviderOptions? options = null, ILoggerFactory? loggerFactory = null) : IInfrastructureProvider
{
    private readonly LocalProcessProviderOptions _options = options ?? new LocalProcessProviderOptions();
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LocalProcessProvider>();

    public string Name => "local processes";

    public async Task<IPostgresServer> StartPostgresAsync(PostgresServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var installation = PostgresInstallation.Locate(_options);
        var port = TcpPorts.Claim(options.Port, options.Name);
        var account = await ServiceAccount.ForAsync(_options.PostgresUser, "postgresql", cancellationToken);
        var directory = await DataDirectory.PrepareAsync(options.DataDirectory, options.Name, account, _options.FallbackDataRoot, _logger, cancellationToken);
        var credentials = StoredCredentials.LoadOrCreate(
            directory,
            options.Name,
            () => StoredCredentials.Generate("postgres"),
            options.Password is null ? null : new StoredCredentials("postgres", options.Password));
        var server = new LocalPostgresServer(installation, account, directory, port, credentials, options, _options, _logger);
        try
        {
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task<IRabbitMqServer> StartRabbitMqAsync(RabbitMqServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var installation = RabbitMqInstallation.Locate(_options);
        var amqpPort = TcpPorts.Claim(options.AmqpPort, options.Name);
        var managementPort = TcpPorts.Claim(options.ManagementPort, options.Name);
        var account = await ServiceAccount.ForAsync(_options.RabbitMqUser, "rabbitmq-server", cancellationToken);
        var directory = await DataDirectory.PrepareAsync(options.DataDirectory, options.Name, account, _options.FallbackDataRoot, _logger, cancellationToken);
        var requested = (options.Username, options.Password) switch
        {
            (null, null) => null,
            (not null, not null) => new StoredCredentials(options.Username, options.Password),
            _ => throw new ArgumentException("Give both a RabbitMQ username and a password, or neither.", nameof(options)),
        };
        var credentials = StoredCredentials.LoadOrCreate(directory, options.Name, () => StoredCredentials.Generate("admin"), requested);
        var server = new LocalRabbitMqServer(installation, account, directory, (amqpPort, managementPort), credentials, options, _options, _logger);
        try
        {
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the PostgreSQL servers, RabbitMQ nodes and port mappers that a killed earlier run left on data directories
    /// anywhere below <paramref name="root"/> (found by their pid files); the data stays. For test runs that start servers
    /// in fresh directories and so never meet their predecessors' leftovers on start.
    /// </summary>
    public async Task StopLeftoversAsync(string root, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var pidFile in Directory.EnumerateFiles(root, "*.pid", SearchOption.AllDirectories))
        {
            var directory = Path.GetDirectoryName(pidFile)!;
            var (marker, signal, what) = Path.GetFileName(pidFile) switch
            {
                "postmaster.pid" => (directory, Signals.Interrupt, "a PostgreSQL server"),
                "rabbitmq.pid" => (new RabbitMqNodeFiles(directory, string.Empty).CommandLineMarker, Signals.Terminate, "a RabbitMQ node"),
                "epmd.pid" => ("epmd", Signals.Terminate, "an epmd"),
                _ => (string.Empty, 0, string.Empty),
            };
            if (marker.Length > 0 && Orphans.FindLive(pidFile, marker) is { } processId)
            {
                await Orphans.StopAsync(processId, signal, _options.StopTimeout, what, directory, _logger, cancellationToken);
            }
        }
    }
}
