namespace PetitionPlatform.Routing.Domain;

/// <summary>The unit kinds the routing rules themselves name; the full list is data (the directory seed).</summary>
public static class Units
{
    public const string PetitionBureau = "petition-bureau";
    public const string Discipline = "discipline";
    public const string Court = "court";
    public const string Justice = "justice";
    public const string TownshipGovernment = "township-gov";
    public const string JointConference = "joint-conference";
}
