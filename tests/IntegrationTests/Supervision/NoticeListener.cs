using System.Collections.Concurrent;
using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// A bus of the test's own on the service's virtual host, standing where notification will stand: it receives every
/// <see cref="SupervisionNoticeIssued"/> that leaves supervision's outbox.
/// </summary>
internal sealed class NoticeListener : IAsyncDisposable
{
    private readonly IBusControl _bus;

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
            rabbit.ReceiveEndpoint("test-supervision-notices", endpoint => endpoint.Handler<SupervisionNoticeIssued>(context =>
            {
                listener!.Received.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        });
        listener = new NoticeListener(bus);
        await bus.StartAsync();
        return listener;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
