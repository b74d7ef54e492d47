using System.Diagnostics;
using Npgsql;

namespace PetitionPlatform.Bench;

/// <summary>
/// The server's own ceiling: how many durable transactions a second it commits (one small insert each, synchronous
/// commit as the services use it), with a few clients and with many, in a scratch database of its own.
/// </summary>
internal static class CommitBound
{
    private const string Database = "petitionplatform_bench";

    public static async Task<IReadOnlyList<(int Clients, double CommitsPerSecond)>> MeasureAsync(string server, TimeSpan each)
    {
        await using (var maintenance = NpgsqlDataSource.Create(server))
        {
            await using var exists = maintenance.CreateCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'");
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = maintenance.CreateCommand($"CREATE DATABASE {Database}");
                await create.ExecuteNonQueryAsync();
            }
        }

        await using var scratch = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = Database }.ConnectionString);
        await using (var table = scratch.CreateCommand("CREATE TABLE IF NOT EXISTS commits (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), note text)"))
        {
            await table.ExecuteNonQueryAsync();
        }

        var figures = new List<(int, double)>();
        foreach (var clients in new[] { 4, 16 })
        {
            figures.Add((clients, await RunAsync(scratch, clients, each)));
        }

        await using (var truncate = scratch.CreateCommand("TRUNCATE commits"))
        {
            await truncate.ExecuteNonQueryAsync();
        }

        return figures;
    }

    private static async Task<double> RunAsync(NpgsqlDataSource scratch, int clients, TimeSpan duration)
    {
        long commits = 0;
        var started = Stopwatch.GetTimestamp();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            await using var connection = await scratch.OpenConnectionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO commits (note) VALUES ('bench')", connection);
            while (!stop.IsCancellationRequested)
            {
                await insert.ExecuteNonQueryAsync(); // autocommit: one durable transaction
                Interlocked.Increment(ref commits);
            }
        }));
        return commits / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
