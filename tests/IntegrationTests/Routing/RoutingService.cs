using Microsoft.EntityFrameworkCore;
using PetitionPlatform.IntegrationTests.Identity;
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
        Client = factory.As("130000/petition-bureau");
    }

    public ServiceFactory<RoutingDbContext> Factory { get; }

    public string Messaging { get; }

    /// <summary>The service as Hebei's provincial petition bureau calls it.</summary>
    public HttpClient Client { get; }

    /// <summary>The service as the client <paramref name="clientId"/> calls it.</summary>
    public HttpClient As(string clientId) => Factory.As(clientId);

    /// <summary>
    /// A client that oversees the petition: its province's petition bureau, or for a report its province's discipline
    /// unit (the tests' petitions come from three provinces).
    /// </summary>
    public Task<HttpClient> ReaderForAsync(string petitionId) =>
        Guid.TryParse(petitionId, out var id) ? ReaderForAsync(id) : Task.FromResult(Client);

    public async Task<HttpClient> ReaderForAsync(Guid petitionId)
    {
        var request = await Factory.InDatabaseAsync(db => db.RoutingRequests.Where(r => r.PetitionId == petitionId)
            .Select(r => new { r.Kind, r.RegionCode }).SingleOrDefaultAsync());
        return request is null
            ? Client
            : As($"{RegionCode.Parse(request.RegionCode).Province}/{(PetitionKinds.IsConfidential(request.Kind) ? Units.Discipline : Units.PetitionBureau)}");
    }

    /// <param name="settings">Added configuration, e.g. <c>Routing:DisputeDecisionPeriod</c>.</param>
    /// <param name="services">Replaced services, e.g. a <see cref="TimeProvider"/> that decides on a fixed day.</param>
    public static async Task<RoutingService> StartAsync(
        SharedInfrastructure infrastructure, string? messaging = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        await SharedTokens.StartAsync(infrastructure);
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

        var factory = new ServiceFactory<RoutingDbContext>(configuration, services);

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
