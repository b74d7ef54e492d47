using Microsoft.Extensions.Configuration;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Local;
using Xunit;
using Xunit.Abstractions;

namespace PetitionPlatform.TestSupport;

/// <summary>
/// One PostgreSQL server and one RabbitMQ node for a whole test run, started as the AppHost starts them, through the
/// provider <see cref="InfrastructureSelector"/> chooses (containers when a Docker engine answers, else local processes;
/// <c>PETITION_INFRASTRUCTURE=containers|local</c> forces either), in a fresh directory, stopped and deleted at the
/// end. Tests never share data: each asks for its own database and virtual host.
/// </summary>
/// <remarks>
/// xunit 2 only finds collection definitions in the test assembly itself, so each test project that uses this fixture
/// declares the collection once:
/// <code>
/// [CollectionDefinition(SharedInfrastructure.CollectionName)]
/// public sealed class InfrastructureCollection : ICollectionFixture&lt;SharedInfrastructure&gt;;
/// </code>
/// and its test classes carry <c>[Collection(SharedInfrastructure.CollectionName)]</c> and take the fixture in their constructor.
/// </remarks>
/// <param name="diagnostics">Where the chosen provider is reported (shown by runners with xunit's diagnostic messages on).</param>
public sealed class SharedInfrastructure(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string CollectionName = "infrastructure";

    private InfrastructureSelection? _selection;
    private IPostgresServer? _postgres;
    private IRabbitMqServer? _rabbitMq;

    /// <summary>Where both servers keep their data for this run.</summary>
    public string Directory { get; } = TestDirectories.Create("infrastructure");

    /// <summary>The provider the servers came from; tests that need a server of their own (e.g. to stop it) start it here too.</summary>
    public IInfrastructureProvider Provider => _selection?.Provider ?? throw NotStarted();

    public IPostgresServer Postgres => _postgres ?? throw NotStarted();

    public IRabbitMqServer RabbitMq => _rabbitMq ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        // Local servers of killed runs are stopped in either mode; the container provider removes its own leftovers on first start.
        await TestDirectories.SweepLeftoversAsync(new LocalProcessProvider(), CancellationToken.None);
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        _selection = await InfrastructureSelector.SelectAsync(environment, keepData: false, loggerFactory: null, CancellationToken.None);
        diagnostics.OnMessage(new Diagnostic(_selection.Description));
        var provider = _selection.Provider;
        // Crash safety buys nothing for data deleted at the end of the run, and costs every test time.
        var postgres = provider.StartPostgresAsync(
            new PostgresServerOptions("postgres", Path.Combine(Directory, "postgres")) { Durable = false, MaxConnections = 1000 }, CancellationToken.None);
        var rabbitMq = provider.StartRabbitMqAsync(
            new RabbitMqServerOptions("rabbitmq", Path.Combine(Directory, "rabbitmq")), CancellationToken.None);
        try
        {
            await Task.WhenAll(postgres, rabbitMq);
        }
        finally
        {
            _postgres = postgres.IsCompletedSuccessfully ? postgres.Result : null;
            _rabbitMq = rabbitMq.IsCompletedSuccessfully ? rabbitMq.Result : null;
            if (_postgres is null || _rabbitMq is null)
            {
                await DisposeAsync();
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(
            _postgres?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            _rabbitMq?.DisposeAsync().AsTask() ?? Task.CompletedTask);
        _postgres = null;
        _rabbitMq = null;
        TestDirectories.Delete(Directory);
    }

    /// <summary>Creates a database of its own for the caller and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = UniqueName(prefix, '_');
        await Postgres.CreateDatabaseAsync(name, CancellationToken.None);
        return Postgres.ConnectionStringFor(name);
    }

    /// <summary>Creates a virtual host of its own for the caller and returns its amqp:// connection string.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = UniqueName(prefix, '-');
        await RabbitMq.CreateVirtualHostAsync(name, CancellationToken.None);
        return RabbitMq.ConnectionStringFor(name);
    }

    // Lower-case letters and digits only, short enough for PostgreSQL's 63-character identifiers.
    private static string UniqueName(string prefix, char separator)
    {
        var safe = new string([.. prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40)]);
        return $"{(safe.Length > 0 ? safe : "test")}{separator}{Guid.NewGuid().ToString("N")[..12]}";
    }

    // xunit's own DiagnosticMessage lives in its execution library, which a fixture library does not reference.
    private sealed record Diagnostic(string Message) : IDiagnosticMessage;

    private static InvalidOperationException NotStarted() => new("The shared infrastructure has not started (or failed to start).");
}
