using PetitionPlatform.Contracts;

namespace PetitionPlatform.Intake.Domain;

/// <summary>The limits of registration (API.md, DOMAIN.md §1, §3, §4); its vocabularies are in PetitionPlatform.Contracts.</summary>
public static class RegistrationRules
{
    /// <summary>Five or more people raising one matter is a collective petition (集体访).</summary>
    public const int CollectiveHeadcount = 5;

    /// <summary>A collective petition names at most five representatives.</summary>
    public const int MaxRepresentatives = 5;

    public const int MaxContentLength = 20_000;

    public const int MaxSubjectLength = 200;

    /// <summary>The unit that registers a petition when the request names none: the county's petition bureau.</summary>
    public static string DefaultReceiver(string regionCode) => OrgId.PetitionBureauOf(RegionCode.Parse(regionCode).County).ToString();
}
