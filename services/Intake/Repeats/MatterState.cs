namespace PetitionPlatform.Intake.Repeats;

/// <summary>
/// Where a registered petition stands in its lifecycle, as intake learns it from the other services' events. Intake
/// keeps it only to tell a duplicate (still open) from a repeat (answered) and from a terminated matter; no personal data.
/// Each fact keeps the instant it happened, so events that arrive out of order still give the right state.
/// </summary>
public sealed class MatterState
{
    public Guid PetitionId { get; init; }

    /// <summary>The unit that must act on it now, from the latest routing decision.</summary>
    public string? ResponsibleOrgId { get; private set; }

    public int RoutingAttempt { get; private set; } = -1;

    public string? AnsweredByOrgId { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The latest review or re-review request, which reopens an answered matter.</summary>
    public DateTimeOffset? ReviewRequestedAt { get; private set; }

    public DateTimeOffset? TerminatedAt { get; private set; }

    public string? TerminationReason { get; private set; }

    public MatterStage Stage =>
        TerminatedAt is not null ? MatterStage.Terminated
        : AnsweredAt is { } answered && (ReviewRequestedAt is not { } review || answered > review) ? MatterStage.Answered
        : MatterStage.Open;

    public void Routed(int attempt, string responsibleOrgId)
    {
        // Decisions can arrive out of order after a decline; only a later attempt replaces the responsible unit.
        if (attempt > RoutingAttempt)
        {
            RoutingAttempt = attempt;
            ResponsibleOrgId = responsibleOrgId;
        }
    }

    public void Answered(string orgId, DateTimeOffset at)
    {
        if (AnsweredAt is null || at > AnsweredAt)
        {
            AnsweredAt = at;
            AnsweredByOrgId = orgId;
        }
    }

    public void ReviewRequested(DateTimeOffset at)
    {
        if (ReviewRequestedAt is null || at > ReviewRequestedAt)
        {
            ReviewRequestedAt = at;
        }
    }

    public void Terminated(string reason, string? lastAnsweredByOrgId, DateTimeOffset at)
    {
        TerminatedAt ??= at;
        TerminationReason ??= reason;
        if (lastAnsweredByOrgId is not null && AnsweredByOrgId is null)
        {
            AnsweredByOrgId = lastAnsweredByOrgId;
        }
    }
}

public enum MatterStage
{
    /// <summary>Registered and not answered yet (also: routed, accepted, under review, or guided to a court).</summary>
    Open,

    /// <summary>Answered, and no review requested since.</summary>
    Answered,

    /// <summary>Concluded for good (终结): the same facts are not accepted again.</summary>
    Terminated,
}
