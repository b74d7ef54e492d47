using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Deadlines;
using PetitionPlatform.Supervision.Directory;
using PetitionPlatform.Supervision.Messaging;
using PetitionPlatform.ServiceDefaults.Data;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Supervision;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SupervisionDbContext>("supervisiondb");
        builder.AddMessaging("supervision", bus =>
        {
            bus.AddConsumer<PetitionRegisteredConsumer>();
            bus.AddConsumer<LifecycleEventsConsumer>();
            bus.AddConsumer<EarlyWarningConsumer>();
            bus.AddConsumer<PetitionLinksConsumer>();
        });
        builder.AddApiDocumentation();
        builder.Services.AddScoped<LedgerStore>();
        builder.Services.AddScoped<NoticeIssuer>();
        builder.Services.AddScoped<DeadlineEvaluator>();
        builder.Services.AddOptions<SupervisionOptions>()
            .Bind(builder.Configuration.GetSection(SupervisionOptions.Section))
            .Validate(o => o.EvaluationInterval > TimeSpan.Zero && o.EscalationGrace > TimeSpan.Zero && o.ReminderLead >= TimeSpan.Zero
                && o.Spike.Window > TimeSpan.Zero && o.Spike.Threshold > 0, "Supervision intervals must be positive and the spike threshold at least 1.")
            .ValidateOnStart();
        builder.Services.AddHostedService<DeadlineEvaluationService>();

        builder.Services.AddMemoryCache();
        // "http://routing" is resolved by service discovery, as the AppHost passes it; routing owns the directory.
        // Evaluations and consumers retry on their own, so a short budget per call beats the default 30 s.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental, but it is how one client replaces the defaults.
        builder.Services.AddHttpClient<OrgDirectoryClient>(http =>
                http.BaseAddress = new Uri(builder.Configuration["Directory:BaseAddress"] ?? "http://routing"))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(6);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            });
#pragma warning restore EXTEXP0001
        return builder;
    }
}
