namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// A dispute awaiting the superior's decision (<c>RoutingDecisionRequired</c> with <c>DecideBy</c>): open until a
/// routing decision follows it. It belongs to no case: the matter has none while nobody will take it.
/// </summary>
internal sealed class DisputeClock(string deciderOrgId, DateTimeOffset startedAt, DateTimeOffset decideBy)
{
    public string DeciderOrgId { get; } = deciderOrgId;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Counted again when a holiday notice moves it (<see cref="Moved"/>).</summary>
    public DateTimeOffset DecideBy { get; private set; } = decideBy;

    public DateTimeOffset? DecidedAt { get; set; }

    private List<DueDateMove> Moves { get; } = [];

    /// <summary>A holiday notice moved the date: the new one holds, and the move is recorded once.</summary>
    public void Moved(DueDateMove move)
    {
        DecideBy = move.DueBy;
        if (!Moves.Contains(move))
        {
            Moves.Add(move);
        }
    }

    public StageClock Clock() => new(LedgerStages.RoutingDecision, DeciderOrgId, null, StartedAt, DecideBy, DecidedAt) { Moves = [.. Moves] };
}
