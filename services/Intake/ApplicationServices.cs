using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Directory;
using PetitionPlatform.Intake.PersonalData;
using PetitionPlatform.Intake.Registration;
using PetitionPlatform.ServiceDefaults;
using PetitionPlatform.ServiceDefaults.Data;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Intake;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDbContext>("intakedb");
        builder.AddMessaging("intake");
        builder.AddApiDocumentation();
        builder.AddPersonalDataProtection();
        builder.Services.AddScoped<PetitionRegistrar>();
        builder.Services.AddMemoryCache();
        // Routing owns the directory; a person is waiting on the registration, so the client's budget is short.
        builder.AddDirectoryClient<DirectoryClient>();
        builder.Services.AddScoped<DirectoryChecks>();
        return builder;
    }
}
