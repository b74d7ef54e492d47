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
    public const string Procuratorate = "procuratorate";
    public const string PublicSecurity = "public-security";
    public const string Justice = "justice";
    public const string TownshipGovernment = "township-gov";

    /// <summary>The province's joint conference (联席会议), the last step of escalation.</summary>
    public const string JointConference = "joint-conference";

    /// <summary>The political-legal organs (政法机关) whose termination records conclude a matter (art. 38).</summary>
    public static readonly IReadOnlyList<string> PoliticalLegal = [Court, Procuratorate, PublicSecurity];

    public static bool IsWellFormed(string? unit) => KebabCase.IsWellFormed(unit);
}
