using Microsoft.Extensions.Logging;
using Npgsql;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Local;

/// <summary>A PostgreSQL server run from the OS package as a child process, its cluster in <c>&lt;data&gt;/pgdata</c>.</summary>
internal sealed class LocalPostgresServer(
    PostgresInstallation installation,
    ServiceAccount account,
    string dataDirectory,
    int port,
    StoredCredentials credentials,
    PostgresServerOptions options,
    LocalProcessProviderOptions providerOptions,
    ILogger logger) : IPostgresServer
{
    private readonly PostgresCluster _cluster = new(installation, dataDirectory, options.Durable, options.MaxConnections);
    private ChildProcess? _process;

    public string Host => "127.0.0.1";

    public int Port => port;

    public string Username => credentials.Username;

    public string Password => credentials.Password;

    public string DataDirectory => dataDirectory;

    public IReadOnlyList<int> ProcessIds => _process is { HasExited: false } process ? [process.Id] : [];

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = Username,
        Password = Password,
        Database = database,
    }.ConnectionString;

    public Task CreateDatabaseAsync(string database, CancellationToken cancellationToken) =>
        PostgresAdministration.CreateDatabaseAsync(ConnectionStringFor("postgres"), database, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not { } process)
        {
            return;
        }

        // SIGINT is PostgreSQL's fast shutdown: sessions are disconnected, data is flushed, nothing is lost.
        if (!await process.StopAsync(Signals.Interrupt, providerOptions.StopTimeout, cancellationToken))
        {
            LocalLog.KilledAfterTimeout(logger, options.Name, providerOptions.StopTimeout.TotalSeconds);
        }

        await process.DisposeAsync();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Orphans.FindLive(_cluster.PidFile, _cluster.Directory) is { } orphan)
        {
            await Orphans.StopAsync(orphan, Signals.Interrupt, providerOptions.StopTimeout, "a PostgreSQL server", _cluster.Directory, logger, cancellationToken);
        }

        if (!_cluster.Exists)
        {
            LocalLog.InitializingCluster(logger, options.Name, _cluster.Directory);
            await _cluster.InitializeAsync(options.Name, credentials, account, cancellationToken);
        }

        await account.GrantAsync(dataDirectory, cancellationToken);
        _process = ChildProcess.Start(new ChildProcessStartInfo(options.Name, _cluster.Installation.Postgres, _cluster.ServerArguments(Port))
        {
            WorkingDirectory = dataDirectory,
            UserName = account.UserName,
            Output = options.Output,
            RemoveInheritedPrefixes = ["PG"],
        });
        await WaitUntilReadyAsync(cancellationToken);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var process = _process!;
        var deadline = DateTime.UtcNow + providerOptions.StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw Failure($"PostgreSQL '{options.Name}' exited during start-up with code {await process.Exited}.", process);
            }

            try
            {
                await using var connection = await OpenAdminConnectionAsync(cancellationToken);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
            {
                throw Failure($"PostgreSQL '{options.Name}' rejected the password stored in {Path.Combine(dataDirectory, StoredCredentials.FileName)}.", process);
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet, or still starting up.
            }
            catch (NpgsqlException)
            {
                throw Failure($"PostgreSQL '{options.Name}' did not accept connections within {providerOptions.StartTimeout.TotalSeconds:0} s.", process);
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private Task<NpgsqlConnection> OpenAdminConnectionAsync(CancellationToken cancellationToken) =>
        PostgresAdministration.OpenAsync(ConnectionStringFor("postgres"), cancellationToken);

    private static HostingException Failure(string message, ChildProcess process) =>
        new(message, [.. process.Tail.Tail(20).Select(line => line.Text)]);
}
