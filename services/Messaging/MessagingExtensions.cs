using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionPlatform.Data;
using PetitionPlatform.ServiceDefaults.Startup;

namespace PetitionPlatform.Messaging;

public static class MessagingExtensions
{
    private const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit on RabbitMQ from <c>ConnectionStrings:messaging</c> (an <c>amqp://user:pass@host:port/vhost</c> URI),
    /// with the platform's rules: queues named <c>{service}-{consumer}</c>, quick retries, then redeliveries over
    /// minutes and a place set aside for operators (<see cref="HoldFilter"/>), every consumer behind the inbox, and events leaving only through the outbox dispatcher.
    /// Call after <c>AddServiceDatabase</c>: the inbox and outbox live in the service's database, and its schema must
    /// exist before the bus and the dispatcher start.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? addConsumers = null)
    {
        var broker = RabbitMqAddress.Parse(
            builder.Configuration.GetConnectionString(ConnectionName) ?? throw StartupFailureException.MissingConnectionString(ConnectionName),
            ConnectionName);

        builder.Services.Configure<ConsumerRetryOptions>(builder.Configuration.GetSection("Messaging:Redelivery"));

        builder.Services.AddMassTransit(bus =>
        {
            // Several services consume the same event; the prefix gives each its own queue instead of competing for one.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            addConsumers?.Invoke(bus);
            // What the quick retries gave up on is held in the database (HoldFilter); the _error queue only behind it.
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.ConfigureError(error =>
            {
                error.UseFilter(new HoldFilter(
                    context.GetRequiredService<IServiceScopeFactory>(), context.GetRequiredService<IOptions<ConsumerRetryOptions>>(),
                    context.GetRequiredService<TimeProvider>(), context.GetRequiredService<ILogger<HoldFilter>>()));
                error.UseFilter(new ErrorTransportFilter());
            }));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                });
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    context.GetRequiredService<IOptions<ConsumerRetryOptions>>().Value.ImmediateRetries,
                    TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300)));
                rabbit.UseConsumeFilter(typeof(InboxFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });

        // A broker outage must not stop a service from starting: requests still commit, the outbox holds the events.
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = false;
            host.StopTimeout = TimeSpan.FromSeconds(20);
        });

        // The outbox and inbox tables in the service's database, and the watchers of its saves.
        builder.Services.AddSingleton(new MigrationSource("platform", typeof(Outbox).Assembly));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<ISaveObserver>(services => services.GetRequiredService<OutboxSignal>());
        builder.Services.AddSingleton<CommittedEvents>();
        builder.Services.AddSingleton<ISaveObserver>(services => services.GetRequiredService<CommittedEvents>());

        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        builder.Services.AddSingleton<OutboxDepth>();
        builder.Services.AddHostedService<OutboxDispatcher>();

        // Consumed messages held for a later redelivery, and what operators must look at.
        builder.Services.AddSingleton<SetAsideCount>();
        builder.Services.AddHostedService<HeldMessageRelease>();

        // Entries for the audit trail leave through the same outbox as the events of the change they record.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(new AuditSource(serviceName));
        builder.Services.AddScoped<AuditTrail>();
        return builder;
    }
}
