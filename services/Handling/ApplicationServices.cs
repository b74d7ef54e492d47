using System.Text.Json.Serialization;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Directory;
using PetitionPlatform.Handling.Messaging;
using PetitionPlatform.Handling.Workflow;
using PetitionPlatform.ServiceDefaults.Data;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Handling;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<HandlingDbContext>("handlingdb");
        builder.AddMessaging("handling", bus =>
        {
            bus.AddConsumer<PetitionRegisteredConsumer>();
            bus.AddConsumer<PetitionRoutedConsumer>();
            bus.AddConsumer<PetitionTerminatedConsumer>();
        });
        builder.AddApiDocumentation();
        // Optional parts of a case (acceptedAt, extendedBy, answer, …) are left out until they exist, as API.md marks them.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        builder.Services.AddScoped<CaseWorkflow>();
        builder.Services.AddScoped<ReviewWorkflow>();
        builder.Services.AddMemoryCache();
        // "http://routing" is resolved by service discovery, as the AppHost passes it (.WithReference(routing)).
        // The petitioner is waiting on a review request: retry briefly, then answer 503 rather than hang for the default 30 s.
        // (RemoveAllResilienceHandlers is marked experimental, but it is the way to replace the defaults for one client.)
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<DirectoryClient>(http =>
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
