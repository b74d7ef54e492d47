using Npgsql;

namespace PetitionPlatform.Bench;

/// <summary>
/// The running stack's PostgreSQL server, found as eng/backup.sh finds it: the local server of the data directory
/// (its postmaster.pid names the port), else the container that mounts the volume the AppHost names after that directory.
/// </summary>
internal static class StackPostgres
{
    /// <summary>A connection string to the server's maintenance database, as its superuser.</summary>
    public static async Task<string> FindAsync(string? connectionString, string dataDirectory)
    {
        if (connectionString is not null)
        {
            return connectionString;
        }

        var password = File.ReadAllText(Path.Combine(dataDirectory, "secrets", "postgres-password")).Trim();
        var port = LocalPort(dataDirectory) ?? await StackContainers.PublishedPortAsync(dataDirectory, "postgres", 5432)
            ?? throw new InvalidOperationException($"No running PostgreSQL of the stack in {dataDirectory}: start eng/run.sh, or give --postgres.");
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = "postgres",
            MaxPoolSize = 64,
        }.ConnectionString;
    }

    /// <summary>A connection to one of the server's databases (a service's, or the bench's scratch database).</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string server, string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static int? LocalPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "local", "postgres", "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        var running = lines.Length > 3 && int.TryParse(lines[0], out var pid) && Directory.Exists($"/proc/{pid}");
        return running ? int.Parse(lines[3], System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
