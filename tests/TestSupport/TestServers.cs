namespace PetitionPlatform.TestSupport;

/// <summary>One PostgreSQL server and one RabbitMQ node for a test run, wherever they run.</summary>
internal interface ITestServers : IAsyncDisposable
{
    /// <summary>The superuser's connection string to the server's <c>postgres</c> database.</summary>
    string PostgresConnectionString { get; }

    RabbitMqNode RabbitMq { get; }

    /// <summary>How <c>eng/backup.sh</c> reaches the PostgreSQL server: its arguments naming the server.</summary>
    IReadOnlyList<string> BackupArguments { get; }

    /// <summary>A broker of its own, for a test that stops and starts it; the shared one must stay up.</summary>
    Task<IStoppableBroker> StartBrokerAsync(string name);
}

/// <summary>A RabbitMQ node: its AMQP address (<c>amqp://user:password@host:port</c>) and its management API.</summary>
public sealed record RabbitMqNode(Uri Amqp, Uri Management)
{
    public string User => Uri.UnescapeDataString(Amqp.UserInfo.Split(':')[0]);

    public string Password => Uri.UnescapeDataString(Amqp.UserInfo.Split(':')[1]);

    /// <summary>The amqp:// connection string of a virtual host (the default one for "/").</summary>
    public string ConnectionStringFor(string virtualHost = "/") =>
        new UriBuilder(Amqp) { Path = virtualHost == "/" ? "/" : "/" + Uri.EscapeDataString(virtualHost) }.Uri.ToString();
}

/// <summary>A broker that a test can take away and bring back on the same address.</summary>
public interface IStoppableBroker : IAsyncDisposable
{
    string ConnectionString { get; }

    Task StopAsync();

    Task StartAsync();
}
