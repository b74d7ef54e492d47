using PetitionPlatform.Contracts;
using PetitionPlatform.Data;
using PetitionPlatform.Messaging;
using PetitionPlatform.Messaging.Calendar;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.Supervision.Api;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Deadlines;
using PetitionPlatform.Supervision.Directory;
using PetitionPlatform.Supervision.Messaging;

namespace PetitionPlatform.Supervision;

internal static class ApplicationServices
{
    /// <summary>The prefix of the service's queues (<c>supervision-…</c>).</summary>
    public const string MessagingName = "supervision";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SupervisionDbContext>("supervisiondb");
        builder.AddMessaging(MessagingName, bus =>
        {
            bus.AddConsumer<PetitionRegisteredConsumer>();
            bus.AddLifecycleEventConsumers();
            // Spikes are counted one county and topic at a time under a database lock; more deliveries at once would only
            // wait on it, each holding a connection, and with a second instance they piled up into the hundreds.
            bus.AddConsumer<EarlyWarningConsumer>().Endpoint(endpoint => endpoint.ConcurrentMessageLimit = 1);
            bus.AddConsumer<PetitionLinksConsumer>();
            bus.AddHolidayNoticeConsumer();
        });
        // The ledger's own clocks (the intake decision's) and every provisional mark count on the loaded notices.
        builder.AddHolidayNotices();
        builder.AddApiDocumentation();
        builder.Services.AddScoped<LedgerStore>();
        builder.AddPlatformAccess();
        builder.Services.AddScoped<SupervisionAccess>();
        builder.Services.AddScoped<NoticeIssuer>();
        builder.Services.AddScoped<DeadlineEvaluator>();
        builder.Services.AddOptions<SupervisionOptions>()
            .Bind(builder.Configuration.GetSection(SupervisionOptions.Section))
            .Validate(o => o.EvaluationInterval > TimeSpan.Zero && o.EscalationGrace > TimeSpan.Zero && o.ReminderLead >= TimeSpan.Zero
                && o.Spike.Window > TimeSpan.Zero && o.Spike.Threshold > 0, "Supervision intervals must be positive and the spike threshold at least 1.")
            .ValidateOnStart();
        builder.Services.AddHostedService<DeadlineEvaluationService>();
        builder.AddIndicators();

        // Routing owns the directory: superiors for copies and escalations, parents of regions for the indicators.
        builder.AddRoutingDirectory();
        builder.Services.AddScoped<OrgDirectoryClient>();
        builder.Services.AddScoped<EarlyWarningChain>();
        builder.Services.AddScoped<IConsumePreparation<PetitionRegistered>>(services => services.GetRequiredService<EarlyWarningChain>());
        builder.Services.AddScoped<RegionDirectoryClient>();
        return builder;
    }
}
