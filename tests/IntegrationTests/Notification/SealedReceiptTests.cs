using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Notification.Delivery;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Notification;

/// <summary>
/// The query code reaches the petitioner whole, yet notification never keeps it in clear: it arrives sealed, waits
/// sealed in the pending message, and the kept copy masks it.
/// </summary>
[Collection(SharedInfrastructure.CollectionName)]
public sealed class SealedReceiptTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly RecordingChannel _channel = new();
    private NotificationHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationHost.StartAsync(infrastructure,
        services => services.AddKeyedSingleton<INotificationChannel>(DeliveryChannels.Sms, _channel),
        new Dictionary<string, string?> { ["Delivery:PollInterval"] = "01:00:00" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_code_is_sealed_while_the_receipt_waits_and_whole_in_the_delivery()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Receipt(petitionId, _host.Sealing));
        await _host.WaitUntilProcessedAsync(petitionId, 1);

        // The sender polls once an hour here, so the receipt is still pending: look at what is kept meanwhile.
        var pending = await _host.InDatabaseAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.PetitionId == petitionId));
        Assert.Equal(NotificationStatuses.Pending, pending.Status);
        Assert.DoesNotContain(GuyuanEvents.TrackingCode, pending.Text, StringComparison.Ordinal);
        Assert.NotNull(pending.SealedDeliveryText);
        Assert.True(pending.SealedDeliveryText.AsSpan().IndexOf(Encoding.UTF8.GetBytes(GuyuanEvents.TrackingCode)) < 0);

        Assert.Equal(1, await _host.SendDueNowAsync());

        var delivered = Assert.Single(_channel.Deliveries);
        Assert.Contains(GuyuanEvents.TrackingCode, delivered, StringComparison.Ordinal);
        var sent = await _host.InDatabaseAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.PetitionId == petitionId));
        Assert.Equal(NotificationStatuses.Sent, sent.Status);
        Assert.Null(sent.SealedDeliveryText);
    }

    private sealed class RecordingChannel : INotificationChannel
    {
        public ConcurrentQueue<string> Deliveries { get; } = new();

        public Task DeliverAsync(OutgoingDelivery delivery, CancellationToken cancellationToken)
        {
            Deliveries.Enqueue(delivery.Text);
            return Task.CompletedTask;
        }
    }
}
