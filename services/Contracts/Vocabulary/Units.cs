namespace PetitionPlatform.Contracts;

/// <summary>
/// Unit names, the part of an organisation id after the slash (DOMAIN.md §9), in <see cref="KebabCase"/>. The full list
/// is data (the directory); these are the ones the services' rules name.
/// </summary>
public static class Units
{
    public const string PetitionBureau = "petition-bureau";
    public const string Discipline = "discipline";
    public const string Court = "court";
    public const string Justice = "justice";
    public const string TownshipGovernment = "township-gov";

    /// <summary>The province's joint conference (联席会议), the last step of escalation.</summary>
    public const string JointConference = "joint-conference";

    public static bool IsWellFormed(string? unit) => KebabCase.IsWellFormed(unit);
}
