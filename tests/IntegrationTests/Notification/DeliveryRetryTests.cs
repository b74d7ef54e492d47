using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.Notification.Delivery;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Notification;

/// <summary>The units' channel fails a number of times; the sender must retry with back-off, then send or give up.</summary>
[Collection("infrastructure")]
public sealed class DeliveryRetryTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task A_failing_channel_is_retried_until_the_message_is_sent()
    {
        var channel = new FailingChannel(failures: 2);
        await using var host = await StartWithAsync(channel, maxAttempts: 5);
        var petitionId = await OpenCaseAsync(host);

        var message = Assert.Single(await host.SentToAsync("130724/hrss", petitionId, 1));

        Assert.Equal(3, channel.Calls);
        Assert.Equal(3, message.GetProperty("attempts").GetInt32());
        var stored = await host.InDatabaseAsync(db => db.Notifications.SingleAsync(n => n.PetitionId == petitionId));
        Assert.Null(stored.LastError);
        await Eventually.HoldsAsync(
            () => host.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.EndsWith(nameof(NotificationSent)))),
            count => count == 1, because: "the delivery is announced once, after it succeeded");
    }

    [Fact]
    public async Task A_channel_that_keeps_failing_leaves_the_message_failed_with_the_reason()
    {
        var channel = new FailingChannel(failures: int.MaxValue);
        await using var host = await StartWithAsync(channel, maxAttempts: 3);
        var petitionId = await OpenCaseAsync(host);

        var stored = await Eventually.HoldsAsync(
            () => host.InDatabaseAsync(db => db.Notifications.SingleOrDefaultAsync(n => n.PetitionId == petitionId)),
            n => n?.Status == NotificationStatuses.Failed, because: "the sender gives up after the configured attempts");

        Assert.Equal(3, stored!.Attempts);
        Assert.Equal(3, channel.Calls);
        Assert.Contains("internal system unavailable", stored.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await host.InDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.EndsWith(nameof(NotificationSent)))));
    }

    private Task<NotificationHost> StartWithAsync(FailingChannel channel, int maxAttempts) => NotificationHost.StartAsync(
        infrastructure,
        services => services.AddKeyedSingleton<INotificationChannel>(DeliveryChannels.Internal, channel),
        new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static async Task<Guid> OpenCaseAsync(NotificationHost host)
    {
        var petitionId = Guid.NewGuid();
        await host.PublishAsync(GuyuanEvents.Registered(petitionId));
        await host.WaitUntilProcessedAsync(petitionId, 1);
        await host.PublishAsync(GuyuanEvents.Opened(petitionId, Guid.NewGuid(), "130724/hrss", RoutingModes.Transfer));
        return petitionId;
    }

    /// <summary>Refuses the first <c>failures</c> deliveries, as an SMS gateway or the internal system does when it is down.</summary>
    private sealed class FailingChannel(int failures) : INotificationChannel
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task DeliverAsync(OutgoingDelivery delivery, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures
                ? throw new HttpRequestException("internal system unavailable")
                : Task.CompletedTask;
    }
}
