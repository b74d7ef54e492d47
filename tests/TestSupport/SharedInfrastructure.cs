using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using PetitionPlatform.AppHost.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PetitionPlatform.TestSupport;

/// <summary>
/// One PostgreSQL server and one RabbitMQ node for a whole test run, chosen by the AppHost's rule
/// (<see cref="PlatformInfrastructure.Decide"/>): containers through Testcontainers where a Docker engine has the images,
/// else the AppHost's local-process resources; <c>PETITION_INFRASTRUCTURE=containers|local</c> forces either. Tests
/// never share data: each asks for its own database and virtual host.
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
/// <param name="diagnostics">Where the choice is reported (shown by runners with xunit's diagnostic messages on).</param>
public sealed class SharedInfrastructure(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string CollectionName = "infrastructure";

    private readonly string _directory = TestDirectories.Create("infrastructure");
    private ITestServers? _servers;
    private HttpClient? _management;
    private readonly List<IAsyncDisposable> _companions = [];

    private ITestServers Servers => _servers ?? throw new InvalidOperationException("The shared infrastructure has not started (or failed to start).");

    public async Task InitializeAsync()
    {
        TestDirectories.SweepLeftovers();
        var postgresImage = Environment.GetEnvironmentVariable("PETITION_POSTGRES_IMAGE") is { Length: > 0 } p ? p : PlatformInfrastructure.DefaultPostgresImage;
        var rabbitMqImage = Environment.GetEnvironmentVariable("PETITION_RABBITMQ_IMAGE") is { Length: > 0 } r ? r : PlatformInfrastructure.DefaultRabbitMqImage;
        var (containers, reason) = PlatformInfrastructure.Decide(Environment.GetEnvironmentVariable(PlatformInfrastructure.ModeVariable), postgresImage, rabbitMqImage);
        diagnostics.OnMessage(new Diagnostic($"Infrastructure: {(containers ? "containers" : "local processes")} ({reason})"));
        _servers = containers
            ? await ContainerTestServers.StartAsync(postgresImage, rabbitMqImage)
            : await LocalTestServers.StartAsync(_directory);
        var node = _servers.RabbitMq;
        _management = new HttpClient { BaseAddress = node.Management, Timeout = TimeSpan.FromSeconds(10) };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{node.User}:{node.Password}")));
    }

    public async Task DisposeAsync()
    {
        // What the tests share on top of the servers (the token service) stops while its database still answers.
        foreach (var companion in Enumerable.Reverse(_companions))
        {
            await companion.DisposeAsync();
        }

        _management?.Dispose();
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }

        TestDirectories.Delete(_directory);
    }

    /// <summary>
    /// What <c>eng/backup.sh</c> and <c>eng/restore.sh</c> need to reach the run's PostgreSQL server: the arguments that
    /// name it, and the superuser's password (their <c>PGPASSWORD</c>).
    /// </summary>
    public (IReadOnlyList<string> Arguments, string Password) PostgresBackupSource =>
        (Servers.BackupArguments, new NpgsqlConnectionStringBuilder(Servers.PostgresConnectionString).Password!);

    /// <summary>Creates a database of its own for the caller and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = UniqueName(prefix, '_');
        await using (var connection = new NpgsqlConnection(Servers.PostgresConnectionString))
        {
            await connection.OpenAsync();
            await PostgresDatabases.EnsureCreatedAsync(connection, name, CancellationToken.None);
        }

        return new NpgsqlConnectionStringBuilder(Servers.PostgresConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Creates a virtual host of its own for the caller (through the management API) and returns its amqp:// connection string.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = UniqueName(prefix, '-');
        var vhost = Uri.EscapeDataString(name);
        await PutAsync($"api/vhosts/{vhost}", "{}");
        await PutAsync($"api/permissions/{vhost}/{Uri.EscapeDataString(Servers.RabbitMq.User)}", """{"configure":".*","write":".*","read":".*"}""");
        return Servers.RabbitMq.ConnectionStringFor(name);
    }

    /// <summary>Something every test shares on top of the servers (the token service): stopped before them.</summary>
    public void StopBeforeServers(IAsyncDisposable companion)
    {
        lock (_companions)
        {
            _companions.Add(companion);
        }
    }

    /// <summary>A broker of the caller's own, started the same way as the shared one, that it may stop and start again.</summary>
    public Task<IStoppableBroker> StartBrokerAsync(string name) => Servers.StartBrokerAsync(name);

    private async Task PutAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _management!.PutAsync(new Uri(path, UriKind.Relative), content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"RabbitMQ refused PUT /{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    // Lower-case letters and digits only, short enough for PostgreSQL's 63-character identifiers.
    private static string UniqueName(string prefix, char separator)
    {
        var safe = new string([.. prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40)]);
        return $"{(safe.Length > 0 ? safe : "test")}{separator}{Guid.NewGuid().ToString("N")[..12]}";
    }

    // xunit's own DiagnosticMessage lives in its execution library, which a fixture library does not reference.
    private sealed record Diagnostic(string Message) : IDiagnosticMessage;
}
