namespace PetitionPlatform.Contracts;

/// <summary>
/// A unit declined a matter and no other candidate is left: the common superior (or the joint conference where
/// there is none) must decide who handles it, through <c>POST /api/routing/petitions/{id}/reroute</c>.
/// </summary>
/// <param name="OrgId">The unit that declined last.</param>
/// <param name="DeciderOrgId">Who must decide.</param>
/// <param name="DecideBy">
/// The end of the decision period (<c>Routing:DisputeDecisionPeriod</c>); supervision watches it like the statutory
/// clocks. Null in events published before routing carried it.
/// </param>
public sealed record RoutingDecisionRequired(
    Guid PetitionId,
    string OrgId,
    string DeciderOrgId,
    string Reason,
    bool Confidential,
    DateTimeOffset OccurredAt,
    DateTimeOffset? DecideBy = null) : IPetitionEvent;
