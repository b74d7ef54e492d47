using Npgsql;

namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>Creating a database as the server's superuser: the local servers' set-up and the tests' fresh databases.</summary>
public static class PostgresDatabases
{
    /// <summary>Creates the database unless it exists; one created meanwhile by another caller counts as created.</summary>
    public static async Task EnsureCreatedAsync(NpgsqlConnection superuser, string database, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", superuser) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", superuser);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }
}
