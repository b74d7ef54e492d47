using PetitionPlatform.Contracts;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Identity.Clients;

/// <summary>The roles a demo client of an organisation gets, by the kind of unit it is (ACCESS.md, "Who calls the platform").</summary>
public static class OrganizationRoles
{
    public static IReadOnlyList<string> Of(string unit) => unit switch
    {
        Units.PetitionBureau => [AccessRoles.Bureau],
        Units.Discipline => [AccessRoles.Discipline],
        Units.JointConference => [AccessRoles.JointConference],
        // Courts, procuratorates and public security also handle the cases routed to them.
        _ when Units.PoliticalLegal.Contains(unit) => [AccessRoles.PoliticalLegal, AccessRoles.Unit, AccessRoles.Reviewer],
        // A department is the unit of its own cases and the reviewer of the same department's below it.
        _ => [AccessRoles.Unit, AccessRoles.Reviewer],
    };
}
