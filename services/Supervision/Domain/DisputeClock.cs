namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// A dispute awaiting the superior's decision (<c>RoutingDecisionRequired</c> with <c>DecideBy</c>): open until a
/// routing decision follows it. It belongs to no case: the matter has none while nobody will take it.
/// </summary>
internal sealed class DisputeClock(string deciderOrgId, DateTimeOffset startedAt, DateTimeOffset decideBy)
{
    public string DeciderOrgId { get; } = deciderOrgId;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset DecideBy { get; } = decideBy;

    public DateTimeOffset? DecidedAt { get; set; }

    public StageClock Clock() => new(LedgerStages.RoutingDecision, DeciderOrgId, null, StartedAt, DecideBy, DecidedAt);
}
