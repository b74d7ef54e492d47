using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;
using RabbitMQ.Client;

namespace PetitionPlatform.IntegrationTests.Messaging;

/// <summary>
/// A consumer that fails is retried quickly, then its message is held and sent back after each configured delay (the
/// production delays run over an hour; these tests use seconds), and after the last set aside for an operator. It is
/// never acknowledged as if processed. Only a database that cannot hold it sends it to the error queue.
/// </summary>
[Collection("infrastructure")]
public sealed class RedeliveryTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task A_message_that_keeps_failing_is_sent_back_after_each_delay_then_set_aside()
    {
        await using var probe = await ProbeHost.StartAsync(infrastructure, "redelivery", failures: int.MaxValue);
        var petitionId = await probe.PublishAsync();

        var held = await Eventually.HoldsAsync(() => probe.HeldAsync(petitionId), m => m?.ReleaseAt is null && m?.Redeliveries == 2,
            within: TimeSpan.FromSeconds(60), because: "the message is set aside after its two redeliveries");

        // Three deliveries (the first and two redeliveries), each tried once and retried once.
        Assert.Equal(6, probe.Attempts.Count);
        Assert.Contains("refuses", held!.LastError, StringComparison.Ordinal);
        Assert.Equal(typeof(PetitionRegistered).FullName, held.MessageType);
        Assert.False(await probe.ProcessedAsync(petitionId), "a failed message must not count as processed");
        Assert.True(await QueueDepthAsync(probe.Messaging, "probe-refusing_error") <= 0, "nothing reaches the error queue (MassTransit declares it on first use)");
    }

    [Fact]
    public async Task A_message_that_arrived_too_early_is_processed_on_a_later_delivery_once()
    {
        // Fails its first delivery (both attempts), as an event does that arrives before the one it depends on.
        await using var probe = await ProbeHost.StartAsync(infrastructure, "early", failures: 2);
        var petitionId = await probe.PublishAsync();

        await Eventually.HoldsAsync(() => probe.ProcessedAsync(petitionId), processed => processed,
            within: TimeSpan.FromSeconds(60), because: "the redelivered message is processed");

        Assert.Equal(3, probe.Attempts.Count);
        Assert.Null(await probe.HeldAsync(petitionId));
    }

    [Fact]
    public async Task A_failed_message_the_database_cannot_hold_goes_to_the_error_queue()
    {
        await using var probe = await ProbeHost.StartAsync(infrastructure, "errors", failures: int.MaxValue);
        await probe.InDatabaseAsync("DROP TABLE held_messages");

        var petitionId = await probe.PublishAsync();

        await Eventually.HoldsAsync(() => QueueDepthAsync(probe.Messaging, "probe-refusing_error"), depth => depth == 1,
            within: TimeSpan.FromSeconds(60), because: "the message is parked in the error queue");
        Assert.False(await probe.ProcessedAsync(petitionId));
    }

    /// <summary>
    /// A database restart can outlast a message's quick retries: the hold is tried again while the database does not
    /// answer, and the message is held once it does, instead of going to the _error queue that only a person empties.
    /// </summary>
    [Fact]
    public async Task A_failed_message_is_held_once_the_database_answers_again_not_sent_to_the_error_queue()
    {
        await using var probe = await ProbeHost.StartAsync(infrastructure, "holdlater", failures: int.MaxValue);
        await probe.InDatabaseAsync("ALTER TABLE held_messages RENAME TO held_messages_away");
        using var holdRetries = MessagingCounter.HoldRetries();

        var petitionId = await probe.PublishAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(holdRetries.Count), count => count >= 1, because: "the hold meets the missing table and waits");
        await probe.InDatabaseAsync("ALTER TABLE held_messages_away RENAME TO held_messages");
        await Eventually.HoldsAsync(() => probe.HeldAsync(petitionId), held => held is not null, because: "the message is held once the table is back");
        Assert.True(await QueueDepthAsync(probe.Messaging, "probe-refusing_error") <= 0, "nothing reaches the error queue");
        Assert.False(await probe.ProcessedAsync(petitionId));
    }

    private static async Task<long> QueueDepthAsync(string amqp, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqp) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return -1; // not declared yet
        }
    }

    /// <summary>A service of one consumer, with a database of the platform's tables and short redelivery delays.</summary>
    private sealed class ProbeHost(IHost host, string messaging) : IAsyncDisposable
    {
        public IHost Host => host;

        public string Messaging => messaging;

        public RefusingConsumer.Attempts Attempts => host.Services.GetRequiredService<RefusingConsumer.Attempts>();

        public static async Task<ProbeHost> StartAsync(SharedInfrastructure infrastructure, string name, int failures)
        {
            var messaging = await infrastructure.CreateVirtualHostAsync(name);
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:probedb"] = await infrastructure.CreateDatabaseAsync(name),
                ["ConnectionStrings:messaging"] = messaging,
                ["Messaging:Redelivery:ImmediateRetries"] = "1",
                ["Messaging:Redelivery:Delays:0"] = "00:00:01",
                ["Messaging:Redelivery:Delays:1"] = "00:00:02",
                ["Messaging:Redelivery:PollInterval"] = "00:00:00.200",
                ["Messaging:Redelivery:HoldRetries:0"] = "00:00:00.500",
                ["Messaging:Redelivery:HoldRetries:1"] = "00:00:01",
                ["Messaging:Redelivery:HoldRetries:2"] = "00:00:02",
                ["Messaging:Redelivery:HoldRetries:3"] = "00:00:04",
            });
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton(new RefusingConsumer.Attempts(failures));
            builder.AddServiceDatabase<ProbeDbContext>("probedb");
            builder.AddMessaging("probe", bus => bus.AddConsumer<RefusingConsumer>());
            var host = builder.Build();
            await host.StartAsync();
            // Healthy once every receive endpoint is bound: a queue that merely exists may not be bound to its exchange
            // yet, and a message published then would reach no queue at all.
            var bus = host.Services.GetRequiredService<IBusControl>();
            await Eventually.HoldsAsync(() => Task.FromResult(bus.CheckHealth().Status), status => status == BusHealthStatus.Healthy,
                because: "the bus and its receive endpoint are ready");
            return new ProbeHost(host, messaging);
        }

        public async Task<Guid> PublishAsync()
        {
            var petitionId = Guid.NewGuid();
            await host.Services.GetRequiredService<IBus>().Publish(new PetitionRegistered(
                petitionId, "n", "online", "complaint", "medical", "330523", "330523/petition-bureau", 1,
                new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), TrackingCodes.Hash("ERRQ-0000-0000-0000")));
            return petitionId;
        }

        public Task<HeldMessage?> HeldAsync(Guid petitionId) =>
            InDatabaseAsync(db => db.Set<HeldMessage>().SingleOrDefaultAsync(m => m.PetitionId == petitionId));

        public Task<bool> ProcessedAsync(Guid petitionId) =>
            InDatabaseAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.PetitionId == petitionId));

        /// <summary>A statement on the probe's database, e.g. one that takes the held messages' table away.</summary>
        public Task<int> InDatabaseAsync(string sql) => InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(sql));

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }

        private async Task<T> InDatabaseAsync<T>(Func<ProbeDbContext, Task<T>> query)
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
        }
    }

    public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
    }

    /// <summary>Refuses the first <c>failures</c> attempts, then accepts.</summary>
    public sealed class RefusingConsumer(RefusingConsumer.Attempts attempts) : IConsumer<PetitionRegistered>
    {
        public Task Consume(ConsumeContext<PetitionRegistered> context) =>
            attempts.Increment() <= attempts.Failures
                ? throw new InvalidOperationException("This consumer refuses the message.")
                : Task.CompletedTask;

        public sealed class Attempts(int failures)
        {
            private int _count;

            public int Failures => failures;

            public int Count => Volatile.Read(ref _count);

            public int Increment() => Interlocked.Increment(ref _count);
        }
    }
}
