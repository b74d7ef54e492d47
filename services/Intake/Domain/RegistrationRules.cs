namespace PetitionPlatform.Intake.Domain;

/// <summary>The closed vocabularies and limits of registration (API.md, DOMAIN.md §1, §3, §4).</summary>
public static class RegistrationRules
{
    public static readonly IReadOnlySet<string> Channels =
        new HashSet<string>(StringComparer.Ordinal) { "online", "letter", "visit", "phone", "sms", "hotline", "qr-code" };

    public static readonly IReadOnlySet<string> Kinds =
        new HashSet<string>(StringComparer.Ordinal) { "complaint", "report", "suggestion" };

    /// <summary>Five or more people raising one matter is a collective petition (集体访).</summary>
    public const int CollectiveHeadcount = 5;

    /// <summary>A collective petition names at most five representatives.</summary>
    public const int MaxRepresentatives = 5;

    public const int MaxContentLength = 20_000;

    public const int MaxSubjectLength = 200;

    /// <summary>The unit that registers a petition when the request names none: the county's petition bureau.</summary>
    public static string DefaultReceiver(string regionCode) => $"{regionCode[..6]}/petition-bureau";
}
