using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace PetitionPlatform.Data;

/// <summary>
/// Makes a piece of start-up work that spans several transactions take turns across the instances of a service: the
/// lock lives on a connection of its own and holds until disposed, whatever the work's own transactions do.
/// </summary>
public static class SessionLocks
{
    /// <summary>Waits for the PostgreSQL advisory lock named <paramref name="key"/> on the database of <paramref name="database"/>.</summary>
    public static async Task<IAsyncDisposable> TakeSessionLockAsync(this DatabaseFacade database, string key, CancellationToken ct)
    {
        // Not from the pool: a pooled connection's close keeps its session, and the lock with it, until the connection is
        // next used; this one's close ends the session and so releases the lock at once.
        // Cloned from the context's connection, which brings the password its data source keeps out of the string.
        var connection = ((NpgsqlConnection)database.GetDbConnection())
            .CloneWith(new NpgsqlConnectionStringBuilder(database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@key, 0))", connection);
            take.Parameters.AddWithValue("key", key);
            // The wait lasts as long as the holder's work (another instance making 176 demo clients took 29 s on a busy
            // machine), not Npgsql's 30 s command timeout: a timeout here crashed the second instance at start-up, and the
            // stack never became healthy. The caller's token still ends the wait.
            take.CommandTimeout = 0;
            await take.ExecuteNonQueryAsync(ct);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closing the connection releases the lock too; a process that dies mid-work releases it with its connection.</summary>
    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await connection.DisposeAsync();
    }
}
