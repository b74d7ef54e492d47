using Npgsql;

namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>
/// What the host does on a PostgreSQL server as its superuser, whichever provider runs it: check it answers, create
/// databases.
/// </summary>
internal static class PostgresAdministration
{
    /// <summary>An open connection to the server's <c>postgres</c> database, without pooling: the host's own connections are few and short, and a pool would outlive a stopped server.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static async Task CreateDatabaseAsync(string adminConnectionString, string database, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        await using var connection = await OpenAsync(adminConnectionString, cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created concurrently by another caller: the database exists, which is all that was asked.
        }
    }
}
