using PetitionPlatform.Data.Protection;

namespace PetitionPlatform.Intake.PersonalData;

internal static class PersonalDataRegistration
{
    /// <summary>
    /// Builds the protector while the host is being built, so a missing or malformed key stops the service at
    /// start with one sentence, not at the first petition.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(PersonalDataProtector.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton(ReceiptSealing.FromConfiguration(builder.Configuration));
        return builder;
    }
}
