using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.IntegrationTests.Telemetry;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Messaging;

[Collection("infrastructure")]
public sealed class InboxTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Consumer = "routing-petition-registered";

    /// <summary>The day the petitions' numbers name, in China; the inbox's behaviour does not depend on it.</summary>
    private static readonly DateTimeOffset RegisteredAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private ServiceFactory<RoutingDbContext> _routing = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _database = await infrastructure.CreateDatabaseAsync("routing");
        _routing = new ServiceFactory<RoutingDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:routingdb"] = _database,
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("inbox"),
        });
        await ServiceSet.Ready(_routing.CreateClient());
    }

    public async Task DisposeAsync() => await _routing.DisposeAsync();

    [Fact]
    public async Task A_redelivered_message_changes_nothing()
    {
        using var duplicates = MessagingCounter.Duplicates();
        var registered = new PetitionRegistered(
            Guid.NewGuid(), "130724-20261123-00001", "online", "complaint", "wage-arrears", "130724102", "130724/petition-bureau", 1, RegisteredAt, TrackingCodes.Hash("INBX-0000-0000-0001"));
        var messageId = Guid.NewGuid();
        var bus = _routing.Services.GetRequiredService<IBus>();

        // What the outbox does after a crash between the broker's confirm and marking the row sent.
        await bus.Publish(registered, context => context.MessageId = messageId);
        await bus.Publish(registered, context => context.MessageId = messageId);

        await Eventually.HoldsAsync(() => Task.FromResult(duplicates.Count), count => count == 1, because: "the second copy reaches the inbox");
        Assert.Equal(1, await _routing.InDatabaseAsync(db => db.RoutingRequests.CountAsync(r => r.PetitionId == registered.PetitionId)));
        Assert.Equal(1, await _routing.InDatabaseAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    /// <summary>
    /// Two instances can hold copies of one message at once (a redelivery after a lost connection while the first is
    /// still being processed). The later copy waits for the first's transaction and is then skipped, without running
    /// the consumer and failing at commit on the inbox key (no statement of the service fails).
    /// </summary>
    [Fact]
    public async Task A_copy_delivered_while_the_first_is_still_processed_waits_for_it_and_is_skipped()
    {
        using var duplicates = MessagingCounter.Duplicates();
        using var spans = new SpanRecorder();
        var registered = new PetitionRegistered(
            Guid.NewGuid(), "130724-20261123-00002", "online", "complaint", "wage-arrears", "130724102", "130724/petition-bureau", 1, RegisteredAt, TrackingCodes.Hash("INBX-0000-0000-0003"));
        var messageId = Guid.NewGuid();

        // The first copy, in another instance: its inbox row written, its transaction not yet committed.
        await using var first = new NpgsqlConnection(_database);
        await first.OpenAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using (var claim = new NpgsqlCommand(
            "INSERT INTO inbox_messages (message_id, consumer, message_type, petition_id, processed_at) VALUES ($1, $2, 'PetitionRegistered', $3, $4)",
            first, firstTransaction))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = messageId });
            claim.Parameters.Add(new NpgsqlParameter { Value = Consumer });
            claim.Parameters.Add(new NpgsqlParameter { Value = registered.PetitionId });
            claim.Parameters.Add(new NpgsqlParameter { Value = RegisteredAt.ToUniversalTime() });
            await claim.ExecuteNonQueryAsync();
        }

        await _routing.Services.GetRequiredService<IBus>().Publish(registered, context => context.MessageId = messageId);
        await Eventually.HoldsAsync(() => WaitingOnLocksAsync(), waiting => waiting == 1, because: "the second copy waits for the first's transaction");
        await firstTransaction.CommitAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(duplicates.Count), count => count == 1, because: "the second copy is skipped once the first commits");
        Assert.Empty(spans.All.Where(span => span.Source.Name == "Npgsql" && span.Status == ActivityStatusCode.Error).Select(span => span.StatusDescription));
        Assert.Equal(0, await _routing.InDatabaseAsync(db => db.RoutingRequests.CountAsync(r => r.PetitionId == registered.PetitionId)));
    }

    [Fact]
    public async Task Distinct_messages_about_one_petition_are_each_processed()
    {
        var bus = _routing.Services.GetRequiredService<IBus>();
        var petitionId = Guid.NewGuid();

        await bus.Publish(new PetitionRegistered(petitionId, "n-1", "online", "complaint", "utilities", "500112", "500112/petition-bureau", 1, RegisteredAt, TrackingCodes.Hash("INBX-0000-0000-0002")));

        var inbox = await Eventually.HoldsAsync(
            () => _routing.InDatabaseAsync(db => db.Set<InboxMessage>().Where(m => m.PetitionId == petitionId).ToListAsync()),
            rows => rows.Count == 1);
        Assert.Equal(Consumer, inbox[0].Consumer);
        Assert.Equal(nameof(PetitionRegistered), inbox[0].MessageType);
    }

    private async Task<long> WaitingOnLocksAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
