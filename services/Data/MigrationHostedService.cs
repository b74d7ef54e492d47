using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PetitionPlatform.ServiceDefaults.Startup;

namespace PetitionPlatform.Data;

/// <summary>
/// Brings the service's database schema up to date during start-up. It runs in <see cref="StartAsync"/>, so the
/// host does not start later hosted services (the bus, the outbox dispatcher) or the web server until it is done.
/// </summary>
internal sealed partial class MigrationHostedService(
    ServiceDatabase database,
    IEnumerable<MigrationSource> sources,
    IConfiguration configuration,
    ILogger<MigrationHostedService> logger) : IHostedService
{
    // The AppHost only starts a service once PostgreSQL answers, but a service started by hand may race its
    // database; a short, bounded wait turns that race into a normal start and a real outage into a clear failure.
    private readonly TimeSpan _patience = configuration.GetValue("Database:StartupPatience", TimeSpan.FromSeconds(20));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = database.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        // The scripts of each source (the service's, messaging's tables) in the order they were registered; sources
        // never depend on each other's tables.
        var migrations = sources.SelectMany(s => SqlMigration.FromAssembly(s.Assembly, s.Scope)).ToList();

        var deadline = DateTime.UtcNow + _patience;
        while (true)
        {
            try
            {
                var applied = await new SqlMigrator(dataSource).ApplyAsync(migrations, cancellationToken);
                LogMigrated(logger, database.ConnectionName, applied.Count);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                LogWaiting(logger, database.ConnectionName, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (NpgsqlException ex) when (IsSetupProblem(ex))
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                throw new StartupFailureException(
                    $"PostgreSQL database '{builder.Database}' at {builder.Host}:{builder.Port} cannot be used ({ex.Message.TrimEnd('.')}). " +
                    "Check that PostgreSQL is running and ConnectionStrings:" + database.ConnectionName + " is right.", ex);
            }
        }
    }

    /// <summary>
    /// Unreachable server, missing database, wrong credentials: things to fix in the environment. A failing
    /// migration script is a bug instead and keeps its stack trace.
    /// </summary>
    private static bool IsSetupProblem(NpgsqlException ex) =>
        ex is not PostgresException postgres || postgres.SqlState is "3D000" or "28P01" or "28000";

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is up to date ({Applied} migrations applied now)")]
    private static partial void LogMigrated(ILogger logger, string database, int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for database {Database}: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string database, string reason);
}
