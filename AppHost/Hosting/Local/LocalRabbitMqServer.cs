using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Local;

/// <summary>
/// A RabbitMQ node run from the OS package as a child process, with an Erlang port mapper of its own. Ports and
/// credentials are fixed for the object's lifetime, so the node can be stopped and started again as the same broker.
/// </summary>
internal sealed class LocalRabbitMqServer : IRabbitMqServer
{
    private readonly RabbitMqInstallation _installation;
    private readonly ServiceAccount _account;
    private readonly RabbitMqNodeFiles _files;
    private readonly StoredCredentials _credentials;
    private readonly RabbitMqServerOptions _options;
    private readonly LocalProcessProviderOptions _providerOptions;
    private readonly ILogger _logger;
    private readonly RabbitMqManagementClient _management;
    private readonly int _distributionPort = TcpPorts.GetFree();
    private readonly int _epmdPort = TcpPorts.GetFree();
    private ChildProcess? _server;
    private EpmdProcess? _epmd;

    public LocalRabbitMqServer(
        RabbitMqInstallation installation,
        ServiceAccount account,
        string dataDirectory,
        (int Amqp, int Management) ports,
        StoredCredentials credentials,
        RabbitMqServerOptions options,
        LocalProcessProviderOptions providerOptions,
        ILogger logger)
    {
        _installation = installation;
        _account = account;
        _files = new RabbitMqNodeFiles(dataDirectory, options.Name);
        _credentials = credentials;
        _options = options;
        _providerOptions = providerOptions;
        _logger = logger;
        AmqpPort = ports.Amqp;
        ManagementPort = ports.Management;
        ManagementUri = new Uri($"http://{Host}:{ports.Management}/");
        _management = new RabbitMqManagementClient(ManagementUri, credentials, options.Name);
    }

    public string Host => "127.0.0.1";

    public int AmqpPort { get; }

    public int ManagementPort { get; }

    public string Username => _credentials.Username;

    public string Password => _credentials.Password;

    public Uri ManagementUri { get; }

    public string DataDirectory => _files.Directory;

    /// <summary>The server script, the Erlang VM it runs (named by its pid file) and epmd.</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            List<int> ids = [];
            if (_server is { HasExited: false } server)
            {
                ids.Add(server.Id);
            }

            if (Orphans.FindLive(_files.PidFile, _files.CommandLineMarker) is { } node)
            {
                ids.Add(node);
            }

            if (_epmd is { HasExited: false } epmd)
            {
                ids.Add(epmd.Id);
            }

            return ids;
        }
    }

    public string ConnectionStringFor(string virtualHost = "/")
    {
        var path = virtualHost == "/" ? string.Empty : Uri.EscapeDataString(virtualHost);
        return $"amqp://{Uri.EscapeDataString(Username)}:{Uri.EscapeDataString(Password)}@{Host}:{AmqpPort}/{path}";
    }

    public Task CreateVirtualHostAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _management.CreateVirtualHostAsync(name, Username, cancellationToken);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_server is { HasExited: false })
        {
            return;
        }

        await StopOrphansAsync(cancellationToken);
        _files.Write(_credentials, AmqpPort, ManagementPort);
        await _account.GrantAsync(_files.Directory, cancellationToken);
        try
        {
            _epmd = await EpmdProcess.StartAsync(_installation.Epmd, _epmdPort, _files.EpmdPidFile, _account.UserName, _options.Output, cancellationToken);
            _server = ChildProcess.Start(new ChildProcessStartInfo(_options.Name, _installation.ServerScript, [])
            {
                WorkingDirectory = _files.Directory,
                UserName = _account.UserName,
                Environment = _files.Environment(AmqpPort, _distributionPort, _epmdPort),
                // The shell's RabbitMQ and Erlang settings (and systemd's socket) must not leak into this node.
                RemoveInheritedPrefixes = ["RABBITMQ_", "ERL_", "NOTIFY_SOCKET"],
                Output = _options.Output,
            });
            await WaitUntilReadyAsync(_server, cancellationToken);
        }
        catch
        {
            await StopAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            // The server script forwards SIGTERM to the Erlang VM and waits for it: RabbitMQ's graceful shutdown.
            if (!await server.StopAsync(Signals.Terminate, _providerOptions.StopTimeout, cancellationToken))
            {
                LocalLog.KilledAfterTimeout(_logger, _options.Name, _providerOptions.StopTimeout.TotalSeconds);
            }

            await server.DisposeAsync();
            _server = null;
            // Should the script have been killed, the VM would outlive it; its pid file names it.
            if (Orphans.FindLive(_files.PidFile, _files.CommandLineMarker) is { } node)
            {
                Signals.Send(node, Signals.Kill);
                await Orphans.WaitForExitAsync(node, TimeSpan.FromSeconds(10), CancellationToken.None);
            }
        }

        if (_epmd is { } epmd)
        {
            await epmd.StopAsync(cancellationToken);
            _epmd = null;
            File.Delete(_files.EpmdPidFile);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _management.Dispose();
    }

    private async Task StopOrphansAsync(CancellationToken cancellationToken)
    {
        if (Orphans.FindLive(_files.PidFile, _files.CommandLineMarker) is { } node)
        {
            await Orphans.StopAsync(node, Signals.Terminate, _providerOptions.StopTimeout, "a RabbitMQ node", _files.Directory, _logger, cancellationToken);
        }

        if (Orphans.FindLive(_files.EpmdPidFile, "epmd") is { } epmd)
        {
            await Orphans.StopAsync(epmd, Signals.Terminate, TimeSpan.FromSeconds(5), "an epmd", _files.Directory, _logger, cancellationToken);
        }
    }

    /// <summary>Ready when the management API answers with our credentials and the AMQP port accepts connections.</summary>
    private async Task WaitUntilReadyAsync(ChildProcess server, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _providerOptions.StartTimeout;
        while (true)
        {
            if (server.HasExited)
            {
                throw Failure($"RabbitMQ '{_options.Name}' exited during start-up with code {await server.Exited}.", server);
            }

            if (await _management.AnswersAsync(cancellationToken) && await TcpPorts.AcceptsConnectionsAsync(AmqpPort, cancellationToken))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw Failure($"RabbitMQ '{_options.Name}' did not become ready within {_providerOptions.StartTimeout.TotalSeconds:0} s.", server);
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static HostingException Failure(string message, ChildProcess process) =>
        new(message, [.. process.Tail.Tail(20).Select(line => line.Text)]);
}
