namespace PetitionPlatform.Intake.PersonalData;

internal static class PersonalDataRegistration
{
    /// <summary>
    /// Builds the protector while the host is being built, so a missing or malformed key stops the service at
    /// start with one sentence, not at the first petition.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalDataProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("PersonalData").Get<PersonalDataOptions>() ?? new PersonalDataOptions();
        builder.Services.AddSingleton(new PersonalDataProtector(options));
        return builder;
    }
}
