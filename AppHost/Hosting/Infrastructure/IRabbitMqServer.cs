namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>A running RabbitMQ node with the management plugin. Disposing it stops it; its data stays in <see cref="DataDirectory"/>.</summary>
public interface IRabbitMqServer : IAsyncDisposable
{
    string Host { get; }

    int AmqpPort { get; }

    int ManagementPort { get; }

    string Username { get; }

    string Password { get; }

    /// <summary>The management UI and HTTP API, e.g. <c>http://127.0.0.1:15672/</c>.</summary>
    Uri ManagementUri { get; }

    /// <summary>Where the data actually lives (it can differ from the requested directory, see the provider).</summary>
    string DataDirectory { get; }

    /// <summary>The operating-system processes the node runs as, main process first; empty while stopped.</summary>
    IReadOnlyList<int> ProcessIds { get; }

    /// <summary><c>amqp://user:pass@127.0.0.1:port/&lt;escaped vhost&gt;</c>; the default vhost gives <c>amqp://user:pass@127.0.0.1:port/</c>.</summary>
    string ConnectionStringFor(string virtualHost = "/");

    /// <summary>Creates the virtual host unless it exists and gives <see cref="Username"/> full permissions on it.</summary>
    Task CreateVirtualHostAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stops the node gracefully; data, ports and credentials are kept for <see cref="StartAsync"/>.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Starts the node again after <see cref="StopAsync"/>, on the same ports, with the same data and credentials.</summary>
    Task StartAsync(CancellationToken cancellationToken);
}
