using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Directory;
using PetitionPlatform.Intake.PersonalData;
using PetitionPlatform.Intake.Messaging;
using PetitionPlatform.Intake.Registration;
using PetitionPlatform.Intake.Repeats;
using PetitionPlatform.ServiceDefaults.Data;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Intake;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDbContext>("intakedb");
        // Intake follows the lifecycle only as far as duplicates and repeats need (where a matter stands, who answered).
        builder.AddMessaging("intake", bus => bus.AddConsumer<MatterLifecycleConsumer>());
        builder.AddApiDocumentation();
        builder.AddPersonalDataProtection();
        builder.Services.AddScoped<PetitionRegistrar>();
        builder.Services.AddScoped<MatterMatcher>();
        builder.Services.AddOptions<RepeatOptions>()
            .Bind(builder.Configuration.GetSection(RepeatOptions.Section))
            .Validate(o => o.SimilarityThreshold is > 0 and <= 1 && o.MaxCandidates > 0,
                "Repeats:SimilarityThreshold must be in (0, 1] and Repeats:MaxCandidates at least 1.")
            .ValidateOnStart();
        builder.Services.AddMemoryCache();
        // "http://routing" is resolved by service discovery (services__routing__http__0), as the AppHost passes it.
        // A person is waiting on the registration: retry briefly, then answer 503 rather than hang for the default 30 s.
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
        builder.Services.AddScoped<DirectoryChecks>();
        return builder;
    }
}
