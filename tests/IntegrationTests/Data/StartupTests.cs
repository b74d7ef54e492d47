using Microsoft.EntityFrameworkCore;
using Npgsql;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.ServiceDefaults.Startup;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Data;

[Collection("infrastructure")]
public sealed class StartupTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task Migrations_are_applied_once_and_recorded()
    {
        var database = await infrastructure.CreateDatabaseAsync("routing");
        var messaging = await infrastructure.CreateVirtualHostAsync("startup");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:routingdb"] = database, ["ConnectionStrings:messaging"] = messaging };

        // Two instances starting together, then one restart: the advisory lock and the ledger keep it to one apply each.
        await using (var first = new ServiceFactory<RoutingDbContext>(settings))
        await using (var second = new ServiceFactory<RoutingDbContext>(settings))
        {
            await Task.WhenAll(ServiceSet.Ready(first.CreateClient()), ServiceSet.Ready(second.CreateClient()));
        }

        await using (var restarted = new ServiceFactory<RoutingDbContext>(settings))
        {
            await ServiceSet.Ready(restarted.CreateClient());
            Assert.Equal(0, await restarted.InDatabaseAsync(db => db.RoutingRequests.CountAsync()));
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(id, ',' ORDER BY id) FROM schema_migrations", connection);
        Assert.Equal("platform/0001_messaging,platform/0002_inbox_trace,platform/0003_set_aside,platform/0004_holiday_notices,service/0001_routing_requests,service/0002_directory,service/0003_routing_decisions,service/0004_terminations,service/0005_dispute_deadline,service/0006_dispute_start", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_statement_a_service_runs_again_and_again_is_prepared_on_the_server()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:routingdb"] = await infrastructure.CreateDatabaseAsync("routing"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("startup"),
        };
        await using var routing = new ServiceFactory<RoutingDbContext>(settings);
        await ServiceSet.Ready(routing.CreateClient());

        var prepared = await routing.InDatabaseAsync(async db =>
        {
            // One connection throughout: prepared statements belong to the session that prepared them.
            await db.Database.OpenConnectionAsync();
            for (var run = 0; run < 10; run++)
            {
                await db.RoutingRequests.CountAsync();
            }

            return await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        });

        Assert.Contains(prepared, statement => statement.Contains("routing_requests", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_connection_string_stops_the_service_with_one_sentence_saying_what_to_set()
    {
        using var routing = new ServiceFactory<RoutingDbContext>(new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = "amqp://guest:guest@127.0.0.1:1/" });

        var failure = Assert.Throws<StartupFailureException>(() => routing.CreateClient());
        Assert.Contains("ConnectionStrings__routingdb", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_service_with_a_sentence_naming_it()
    {
        var port = AppHost.Infrastructure.Local.LocalPorts.Free();
        using var routing = new ServiceFactory<RoutingDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:routingdb"] = $"Host=127.0.0.1;Port={port};Username=postgres;Password=x;Database=routingdb;Timeout=2",
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("startup"),
            ["Database:StartupPatience"] = "00:00:02",
        });

        var failure = Assert.ThrowsAny<Exception>(() => routing.CreateClient());
        var explained = Assert.IsType<StartupFailureException>(failure is AggregateException aggregate ? aggregate.InnerException : failure);
        Assert.Contains($"127.0.0.1:{port}", explained.Message, StringComparison.Ordinal);
    }
}
