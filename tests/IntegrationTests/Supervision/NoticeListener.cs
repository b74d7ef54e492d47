using System.Collections.Concurrent;
using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;
using PetitionPlatform.IntegrationTests.Support;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// A bus of the test's own on the service's virtual host, standing where notification will stand: it receives every
/// <see cref="SupervisionNoticeIssued"/> that leaves supervision's outbox.
/// </summary>
internal sealed class NoticeListener : IAsyncDisposable
{
    private readonly IBusControl _bus;

    /// <summary>A fixed instant: the marker's date means nothing, and the test must not read the clock.</summary>
    private static readonly DateTimeOffset s_markedAt = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));

    private NoticeListener(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<SupervisionNoticeIssued> Received { get; } = new();

    public static async Task<NoticeListener> StartAsync(string messaging)
    {
        var address = RabbitMqAddress.Parse(messaging, "messaging");
        NoticeListener? listener = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.Username);
                host.Password(address.Password);
            });
            rabbit.ReceiveEndpoint("test-supervision-notices", endpoint =>
            {
                // One at a time, so the queue's order is the order received (CaughtUpAsync relies on it).
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.Handler<SupervisionNoticeIssued>(context =>
                {
                    listener!.Received.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        listener = new NoticeListener(bus);
        await bus.StartAsync();
        return listener;
    }

    /// <summary>
    /// Returns once every notice supervision had committed has reached this listener, so that a count taken after it is
    /// final: supervision's outbox has nothing left to send (<paramref name="unsent"/> is 0), and then a marker
    /// published behind those notices has come through the same queue.
    /// </summary>
    public async Task CaughtUpAsync(Func<Task<int>> unsent)
    {
        await Eventually.HoldsAsync(unsent, count => count == 0, because: "supervision's outbox publishes every notice it holds");
        var marker = new SupervisionNoticeIssued(Guid.NewGuid(), Guid.NewGuid(), "marker", "130000/petition-bureau", [], "marker", null, null, 0,
            "the test's marker", null, s_markedAt);
        await _bus.Publish(marker);
        await Eventually.HoldsAsync(() => Task.FromResult(Received.Any(n => n.NoticeId == marker.NoticeId)), found => found,
            because: "the marker comes through the queue behind every notice published before it");
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
