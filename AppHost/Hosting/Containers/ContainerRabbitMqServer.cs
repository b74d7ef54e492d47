using DotNet.Testcontainers.Containers;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Local;
using Testcontainers.RabbitMq;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>
/// A RabbitMQ node with the management plugin in a container. Stop keeps the container, so a restart has the same
/// ports (bound explicitly), credentials and data; dispose removes it.
/// </summary>
internal sealed class ContainerRabbitMqServer : IRabbitMqServer
{
    private const int ContainerAmqpPort = 5672;
    private const int ContainerManagementPort = 15672;

    private readonly RabbitMqContainer _container;
    private readonly string _name;
    private readonly StoredCredentials _credentials;
    private readonly ContainerProvider _provider;
    private RabbitMqManagementClient? _management;
    private int? _processId;

    public ContainerRabbitMqServer(RabbitMqContainer container, string name, string directory, StoredCredentials credentials, ContainerProvider provider)
    {
        _container = container;
        _name = name;
        _credentials = credentials;
        _provider = provider;
        DataDirectory = directory;
    }

    public string Host { get; private set; } = "127.0.0.1";

    public int AmqpPort { get; private set; }

    public int ManagementPort { get; private set; }

    public string Username => _credentials.Username;

    public string Password => _credentials.Password;

    public Uri ManagementUri => new($"http://{Host}:{ManagementPort}/");

    public string DataDirectory { get; }

    /// <summary>The container's main process as the host sees it; empty while stopped.</summary>
    public IReadOnlyList<int> ProcessIds => _processId is { } id ? [id] : [];

    public string ContainerId => _container.Id;

    public string ConnectionStringFor(string virtualHost = "/")
    {
        var path = virtualHost == "/" ? string.Empty : Uri.EscapeDataString(virtualHost);
        return $"amqp://{Uri.EscapeDataString(Username)}:{Uri.EscapeDataString(Password)}@{Host}:{AmqpPort}/{path}";
    }

    public Task CreateVirtualHostAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var management = _management ?? throw new HostingException($"RabbitMQ '{_name}' is not running; start it before creating virtual hosts.");
        return management.CreateVirtualHostAsync(name, Username, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_container.State == TestcontainersStates.Running)
        {
            await _container.StopAsync(cancellationToken);
        }

        _processId = null;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // After a stop the old "Server startup complete" is still in the container's log, so the module's check alone
        // could pass before the node is back; the management API answering with our credentials cannot.
        await ContainerStart.RunAsync(_container, _name, ContainerProviderOptions.RabbitMqImageKey, _provider.StartTimeout, WaitForManagementAsync, cancellationToken);
        _processId = await _provider.MainProcessIdAsync(_container.Id, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _processId = null;
        _management?.Dispose();
        _management = null;
        await ContainerRemoval.RemoveAsync(_container, _name, _provider.Logger);
    }

    private async Task WaitForManagementAsync(CancellationToken cancellationToken)
    {
        Host = ContainerStart.LoopbackFor(_container.Hostname);
        AmqpPort = _container.GetMappedPublicPort(ContainerAmqpPort);
        ManagementPort = _container.GetMappedPublicPort(ContainerManagementPort);
        if (_management is null)
        {
            _management = new RabbitMqManagementClient(ManagementUri, _credentials, _name);
        }

        while (!await _management.AnswersAsync(cancellationToken) || !await TcpPorts.AcceptsConnectionsAsync(AmqpPort, cancellationToken))
        {
            await Task.Delay(250, cancellationToken);
        }
    }
}
