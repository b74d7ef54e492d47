using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.TestSupport;
using RabbitMQ.Client;

namespace PetitionPlatform.IntegrationTests.Routing;

/// <summary>
/// The routing service on its own fresh database and virtual host, plus a queue of the test's own bound to the events
/// routing publishes, so a test sees exactly what other services would receive.
/// </summary>
public sealed class RoutingService : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private RoutingService(ServiceFactory<RoutingDbContext> factory, string messaging, IConnection connection, IChannel channel)
    {
        Factory = factory;
        Messaging = messaging;
        _connection = connection;
        _channel = channel;
        Client = factory.CreateClient();
    }

    public ServiceFactory<RoutingDbContext> Factory { get; }

    public string Messaging { get; }

    public HttpClient Client { get; }

    /// <param name="settings">Added configuration, e.g. <c>Routing:DisputeDecisionPeriod</c>.</param>
    public static async Task<RoutingService> StartAsync(
        SharedInfrastructure infrastructure, string? messaging = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        messaging ??= await infrastructure.CreateVirtualHostAsync("routing");
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:routingdb"] = await infrastructure.CreateDatabaseAsync("routing"),
            ["ConnectionStrings:messaging"] = messaging,
            ["Outbox:PollInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var factory = new ServiceFactory<RoutingDbContext>(configuration);

        var connection = await new ConnectionFactory { Uri = new Uri(messaging) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        foreach (var contract in new[] { typeof(PetitionRouted), typeof(RoutingDecisionRequired) })
        {
            // MassTransit publishes each contract to a durable fanout exchange named after it.
            var exchange = $"{contract.Namespace}:{contract.Name}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueDeclareAsync(Observed(contract), durable: false, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(Observed(contract), exchange, "");
        }

        var service = new RoutingService(factory, messaging, connection, channel);
        await ServiceSet.Ready(service.Client);
        return service;
    }

    public Task PublishAsync<T>(T message) where T : class => Factory.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>The bodies of the <typeparamref name="T"/> events that reached the broker so far (MassTransit envelopes, JSON).</summary>
    public async Task<List<string>> ReceivedAsync<T>(List<string> seen)
    {
        while (await _channel.BasicGetAsync(Observed(typeof(T)), autoAck: true) is { } delivery)
        {
            seen.Add(Encoding.UTF8.GetString(delivery.Body.Span));
        }

        return seen;
    }

    private static string Observed(Type contract) => $"test-observer-{contract.Name}";

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
