using Npgsql;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.InfrastructureTests.Postgres;

[Collection(SharedInfrastructure.CollectionName)]
public sealed class PostgresServerTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task A_created_database_accepts_connections_and_keeps_rows()
    {
        var connectionString = await infrastructure.CreateDatabaseAsync("roundtrip");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE petitions (id int PRIMARY KEY, title text NOT NULL)");
        await Execute(connection, "INSERT INTO petitions VALUES (1, '修路申请')");

        await using var query = new NpgsqlCommand("SELECT title FROM petitions WHERE id = 1", connection);
        Assert.Equal("修路申请", await query.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Creating_a_database_again_keeps_what_is_in_it()
    {
        var name = $"twice_{Guid.NewGuid():N}";
        var server = infrastructure.Postgres;
        await server.CreateDatabaseAsync(name, CancellationToken.None);
        await using (var connection = new NpgsqlConnection(server.ConnectionStringFor(name)))
        {
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE kept (id int)");
        }

        await server.CreateDatabaseAsync(name, CancellationToken.None);

        await using var again = new NpgsqlConnection(server.ConnectionStringFor(name));
        await again.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'kept'", again);
        Assert.Equal(1L, await query.ExecuteScalarAsync());
    }

    [Fact]
    public void Connection_string_is_in_npgsql_format()
    {
        var server = infrastructure.Postgres;

        Assert.Equal(
            $"Host=127.0.0.1;Port={server.Port};Username=postgres;Password={server.Password};Database=intakedb",
            server.ConnectionStringFor("intakedb"));
    }

    [Fact]
    public async Task A_test_server_trades_durability_for_speed()
    {
        await using var connection = new NpgsqlConnection(infrastructure.Postgres.ConnectionStringFor("postgres"));
        await connection.OpenAsync();

        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes" })
        {
            await using var show = new NpgsqlCommand($"SHOW {setting}", connection);
            Assert.Equal("off", await show.ExecuteScalarAsync());
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
