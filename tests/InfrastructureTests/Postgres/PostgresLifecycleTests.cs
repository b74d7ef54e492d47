using Npgsql;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Local;
using PetitionPlatform.Hosting.Processes;
using PetitionPlatform.InfrastructureTests.Support;

namespace PetitionPlatform.InfrastructureTests.Postgres;

/// <summary>Servers of their own: these tests stop, restart and abandon them.</summary>
public sealed class PostgresLifecycleTests : IDisposable
{
    private readonly TestDirectory _directory = new();
    private readonly LocalProcessProvider _provider = new();

    [Fact]
    public async Task Data_and_password_survive_a_restart()
    {
        var options = new PostgresServerOptions("postgres", _directory.Combine("postgres")) { Durable = false };
        string password;
        await using (var first = await _provider.StartPostgresAsync(options, CancellationToken.None))
        {
            password = first.Password;
            await first.CreateDatabaseAsync("kept", CancellationToken.None);
            await Execute(first.ConnectionStringFor("kept"), "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('still here')");
            await first.StopAsync(CancellationToken.None);
            Assert.Empty(first.ProcessIds);
        }

        await using var second = await _provider.StartPostgresAsync(options, CancellationToken.None);

        Assert.Equal(password, second.Password);
        await using var connection = new NpgsqlConnection(second.ConnectionStringFor("kept"));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT text FROM notes", connection);
        Assert.Equal("still here", await query.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Dispose_leaves_no_process_behind()
    {
        var server = await _provider.StartPostgresAsync(
            new PostgresServerOptions("postgres", _directory.Combine("postgres")) { Durable = false }, CancellationToken.None);
        var postmaster = Assert.Single(server.ProcessIds);
        var processes = OsProcesses.ChildrenOf(postmaster).Append(postmaster).ToList();
        Assert.True(processes.Count > 1, "PostgreSQL runs background workers beside the postmaster.");

        await server.DisposeAsync();

        await OsProcesses.AssertGoneAsync(processes);
        Assert.Empty(OsProcesses.Mentioning(_directory.Path));
    }

    [Fact]
    public async Task A_server_left_running_by_an_earlier_run_is_stopped_before_starting()
    {
        var options = new PostgresServerOptions("postgres", _directory.Combine("postgres")) { Durable = false };
        await using var abandoned = await _provider.StartPostgresAsync(options, CancellationToken.None);
        var orphan = Assert.Single(abandoned.ProcessIds);

        // A new host on the same data finds the old postmaster through postmaster.pid, as after a crash.
        await using var successor = await new LocalProcessProvider().StartPostgresAsync(options, CancellationToken.None);

        await OsProcesses.AssertGoneAsync([orphan]);
        await Execute(successor.ConnectionStringFor("postgres"), "SELECT 1");
    }

    [Fact]
    public async Task Data_the_postgres_user_cannot_reach_moves_to_a_stable_fallback_directory_when_running_as_root()
    {
        // Under /root (mode 0700) only root can go; as anyone else the requested directory is used as it is.
        var requested = Signals.IsRoot ? $"/root/petitionplatform-test-{Guid.NewGuid():N}/postgres" : _directory.Combine("postgres");
        var provider = new LocalProcessProvider(new LocalProcessProviderOptions { FallbackDataRoot = _directory.Combine("fallback") });
        var options = new PostgresServerOptions("postgres", requested) { Durable = false };

        string firstLocation;
        await using (var first = await provider.StartPostgresAsync(options, CancellationToken.None))
        {
            firstLocation = first.DataDirectory;
        }

        await using var second = await provider.StartPostgresAsync(options, CancellationToken.None);

        Assert.Equal(firstLocation, second.DataDirectory);
        if (Signals.IsRoot)
        {
            Assert.StartsWith(_directory.Combine("fallback") + "/", firstLocation, StringComparison.Ordinal);
            Assert.EndsWith("/postgres", firstLocation, StringComparison.Ordinal);
            Assert.False(Directory.Exists(requested));
        }
        else
        {
            Assert.Equal(requested, firstLocation);
        }
    }

    public void Dispose() => _directory.Dispose();

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
