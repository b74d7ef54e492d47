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
/// A consumer that keeps failing is retried with back-off, then its message is moved to the error queue, where an
/// operator can inspect and replay it. It is never acknowledged as if processed.
/// </summary>
[Collection("infrastructure")]
public sealed class ErrorQueueTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_then_parked_in_the_error_queue()
    {
        var messaging = await infrastructure.CreateVirtualHostAsync("errors");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:probedb"] = await infrastructure.CreateDatabaseAsync("probe"),
            ["ConnectionStrings:messaging"] = messaging,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RefusingConsumer.Attempts>();
        builder.AddServiceDatabase<ProbeDbContext>("probedb");
        builder.AddMessaging("probe", bus => bus.AddConsumer<RefusingConsumer>());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var petitionId = Guid.NewGuid();
            // Healthy once every receive endpoint is bound: a queue that merely exists may not be bound to its exchange
            // yet, and a message published then would reach no queue at all.
            var bus = host.Services.GetRequiredService<IBusControl>();
            await Eventually.HoldsAsync(() => Task.FromResult(bus.CheckHealth().Status), status => status == BusHealthStatus.Healthy,
                because: "the bus and its receive endpoint are ready");
            await host.Services.GetRequiredService<IBus>().Publish(new PetitionRegistered(
                petitionId, "n", "online", "complaint", "medical", "330523", "330523/petition-bureau", 1, DateTimeOffset.UtcNow, TrackingCodes.Hash("ERRQ-0000-0000-0000")));

            await Eventually.HoldsAsync(() => QueueDepthAsync(messaging, "probe-refusing_error"), depth => depth == 1,
                within: TimeSpan.FromSeconds(60), because: "the message is parked after its retries");

            Assert.Equal(6, host.Services.GetRequiredService<RefusingConsumer.Attempts>().Count); // the first try and five retries
            await using var scope = host.Services.CreateAsyncScope();
            var inbox = scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Set<InboxMessage>();
            Assert.False(await inbox.AnyAsync(m => m.PetitionId == petitionId), "a failed message must not count as processed");
        }
        finally
        {
            await host.StopAsync();
        }
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

    public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
    }

    public sealed class RefusingConsumer(RefusingConsumer.Attempts attempts) : IConsumer<PetitionRegistered>
    {
        public Task Consume(ConsumeContext<PetitionRegistered> context)
        {
            attempts.Increment();
            throw new InvalidOperationException("This consumer refuses every message.");
        }

        public sealed class Attempts
        {
            private int _count;

            public int Count => Volatile.Read(ref _count);

            public void Increment() => Interlocked.Increment(ref _count);
        }
    }
}
