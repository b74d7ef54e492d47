using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.PersonalData;
using PetitionPlatform.Intake.Registration;
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
        return builder;
    }
}
