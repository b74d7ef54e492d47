namespace PetitionPlatform.Routing.Domain;

/// <summary>The political-legal organs (政法机关) whose termination records conclude a matter: courts, procuratorates, public security.</summary>
public static class PoliticalLegalOrgans
{
    public static bool Includes(Organization organization) => Contracts.Units.PoliticalLegal.Contains(organization.Unit);
}
