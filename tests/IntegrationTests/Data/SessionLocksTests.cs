using Microsoft.EntityFrameworkCore;
using Npgsql;
using PetitionPlatform.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Data;

[Collection("infrastructure")]
public sealed class SessionLocksTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task A_turn_is_waited_for_as_long_as_the_holder_works_not_for_the_command_timeout()
    {
        // A one-second command timeout stands for Npgsql's default 30 s: an instance making the demo clients held the
        // turn longer than that, and the other instance's wait ended in a timeout that crashed it at start-up.
        var database = new NpgsqlConnectionStringBuilder(await infrastructure.CreateDatabaseAsync("locks")) { CommandTimeout = 1 }.ConnectionString;
        await using var first = Context(database);
        await using var second = Context(database);

        var holder = await first.Database.TakeSessionLockAsync("startup", CancellationToken.None);
        var waiter = second.Database.TakeSessionLockAsync("startup", CancellationToken.None);

        await Eventually.HoldsAsync(() => WaitingLongerThanTimeoutAsync(database), waiting => waiting || waiter.IsCompleted,
            because: "the second instance waits for its turn past the command timeout");
        Assert.False(waiter.IsCompleted, waiter.Exception?.ToString() ?? "the turn was taken while the first instance held it");

        await holder.DisposeAsync();
        await using var turn = await waiter.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static DbContext Context(string database) => new(new DbContextOptionsBuilder().UseNpgsql(database).Options);

    /// <summary>Whether a session has waited for an advisory lock for more than three times the one-second command timeout.</summary>
    private static async Task<bool> WaitingLongerThanTimeoutAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory' AND now() - query_start > interval '3 seconds')",
            connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
