using Microsoft.EntityFrameworkCore;
using Npgsql;
using PetitionPlatform.Data;
using PetitionPlatform.IntegrationTests.Routing;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Data;

/// <summary>
/// The locking reads of the relays and the set-aside API name their columns (<see cref="MappedColumns"/>): prepared on
/// the server, they go on answering after a later release's migration adds a column to their table.
/// </summary>
[Collection("infrastructure")]
public sealed class MappedColumnsTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task A_prepared_read_naming_its_columns_survives_a_column_a_later_release_adds_where_select_star_fails()
    {
        await using var routing = await RoutingService.StartAsync(infrastructure);

        var afterTheMigration = await routing.Factory.InDatabaseAsync(async db =>
        {
            // One connection throughout: prepared statements belong to the session that prepared them.
            await db.Database.OpenConnectionAsync();
            for (var run = 0; run < 10; run++)
            {
                Assert.Null(await FailureOfAsync(NamedRead(db)));
                Assert.Null(await FailureOfAsync(StarRead(db)));
            }

            // A later release's migration, applied on another connection (another instance) while this one runs.
            await routing.Factory.InDatabaseAsync(other =>
                other.Database.ExecuteSqlRawAsync("ALTER TABLE held_messages ADD COLUMN later_release_note text"));

            return (Named: await FailureOfAsync(NamedRead(db)), Star: await FailureOfAsync(StarRead(db)));
        });

        Assert.Equal((null, PostgresErrorCodes.FeatureNotSupported), afterTheMigration);
    }

    private static IQueryable<HeldMessage> NamedRead(RoutingDbContext db) => db.SelectMapped<HeldMessage>($"WHERE release_at IS NULL FOR UPDATE");

    private static IQueryable<HeldMessage> StarRead(RoutingDbContext db) =>
        db.Set<HeldMessage>().FromSql($"SELECT * FROM held_messages WHERE release_at IS NULL FOR UPDATE");

    /// <summary>The SQL state the read failed with, or null when it answered.</summary>
    private static async Task<string?> FailureOfAsync(IQueryable<HeldMessage> read)
    {
        try
        {
            await read.ToListAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }
}
