using PetitionPlatform.Data;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Directory;
using PetitionPlatform.Intake.Handlers;
using PetitionPlatform.Intake.Messaging;
using PetitionPlatform.Intake.PersonalData;
using PetitionPlatform.Intake.Registration;
using PetitionPlatform.Intake.Repeats;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Intake;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDbContext>("intakedb");
        // Intake follows the lifecycle only as far as duplicates and repeats need (where a matter stands, who answered)
        // and personal data does (which units the cases are with).
        builder.AddMessaging("intake", bus =>
        {
            bus.AddConsumer<MatterLifecycleConsumer>();
            bus.AddConsumer<CaseHandlersConsumer>();
        });
        builder.AddApiDocumentation();
        builder.AddPlatformAccess();
        builder.AddPersonalDataProtection();
        builder.Services.AddScoped<PetitionRegistrar>();
        builder.Services.AddScoped<PersonalDataAccess>();
        builder.Services.AddScoped<MatterMatcher>();
        builder.Services.AddOptions<RepeatOptions>()
            .Bind(builder.Configuration.GetSection(RepeatOptions.Section))
            .Validate(o => o.SimilarityThreshold is > 0 and <= 1 && o.MaxCandidates > 0,
                "Repeats:SimilarityThreshold must be in (0, 1] and Repeats:MaxCandidates at least 1.")
            .ValidateOnStart();
        // Routing owns the directory; registration checks its references there.
        builder.AddRoutingDirectory();
        builder.Services.AddScoped<DirectoryChecks>();
        return builder;
    }
}
