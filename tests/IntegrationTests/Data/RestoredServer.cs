using System.Diagnostics;
using Npgsql;

namespace PetitionPlatform.IntegrationTests.Data;

/// <summary>
/// A server <c>eng/restore.sh</c> started on a restored copy; disposing it stops that one process (its PID from the
/// copy's postmaster.pid, fast shutdown) and deletes the copy.
/// </summary>
internal sealed class RestoredServer(string directory, int port, string password, string restoreOutput) : IAsyncDisposable
{
    private readonly int _processId = int.Parse(File.ReadLines(Path.Combine(directory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the script printed, e.g. how many events it will have published again.</summary>
    public string RestoreOutput => restoreOutput;

    /// <summary>The connection string of <paramref name="live"/>'s database on this server instead (same name, same superuser).</summary>
    public string SameDatabaseAs(string live) =>
        new NpgsqlConnectionStringBuilder(live) { Host = "127.0.0.1", Port = port, Password = password, Pooling = false }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        using var server = Process.GetProcessById(_processId);
        // SIGINT is PostgreSQL's fast shutdown; the test's connections are unpooled and closed by now.
        using (var kill = Process.Start("kill", ["-INT", _processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await server.WaitForExitAsync(patience.Token);
        TestSupport.TestDirectories.Delete(Path.GetDirectoryName(directory)!);
    }
}
