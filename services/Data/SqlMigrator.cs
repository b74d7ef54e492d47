using System.Diagnostics;
using Npgsql;

namespace PetitionPlatform.Data;

/// <summary>
/// Applies versioned SQL scripts, each in its own transaction, under a PostgreSQL advisory lock so that two
/// instances of a service starting together never apply the same script twice.
/// </summary>
public sealed class SqlMigrator(NpgsqlDataSource dataSource)
{
    // Any constant works; it only has to be the same for every instance of every service sharing a database.
    private const long LockKey = 0x5045_5449_5449_4F4E;

    public async Task<IReadOnlyList<string>> ApplyAsync(IEnumerable<SqlMigration> migrations, CancellationToken cancellationToken)
    {
        using var activity = MigrationTelemetry.Source.StartActivity("migrate database");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, LockKey);
        try
        {
            await Execute(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, transaction, migration.Sql, cancellationToken);
                await Execute(connection, transaction, "INSERT INTO schema_migrations (id) VALUES (@key)", cancellationToken, migration.Id);
                await transaction.CommitAsync(cancellationToken);
                done.Add(migration.Id);
            }

            activity?.SetTag("migrations.applied", done.Count);
            return done;
        }
        finally
        {
            await Execute(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, LockKey);
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task Execute(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, object? key = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (key is not null)
        {
            command.Parameters.AddWithValue("key", key);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal static class MigrationTelemetry
{
    public static readonly ActivitySource Source = new("PetitionPlatform.Migrations");
}
