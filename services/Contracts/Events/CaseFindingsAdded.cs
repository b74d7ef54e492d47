namespace PetitionPlatform.Contracts;

/// <summary>
/// A unit taking part in the case (a co-handler, or the lead unit itself) added its findings (会办意见) to the shared case.
/// The text stays in handling, readable on the case by its units: the event only says that findings arrived, so that
/// the lead unit can be told without the units' working notes travelling across the bus.
/// </summary>
/// <param name="OrgId">The lead unit, which answers the case.</param>
/// <param name="ByOrgId">The unit whose findings were added.</param>
/// <param name="FindingsCount">How many findings the case holds now, this one included.</param>
public sealed record CaseFindingsAdded(
    Guid PetitionId,
    Guid CaseId,
    string OrgId,
    string ByOrgId,
    string Stage,
    int FindingsCount,
    bool Confidential,
    DateTimeOffset OccurredAt) : IPetitionEvent;
