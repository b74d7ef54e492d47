namespace PetitionPlatform.Supervision.Domain;

/// <summary>What the projection has learnt about one case so far; any field may still be missing while events are on their way.</summary>
internal sealed class CaseTrack(Guid caseId, string orgId)
{
    public Guid CaseId { get; } = caseId;

    public string OrgId { get; } = orgId;

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? AcceptanceDueBy { get; set; }

    public DateTimeOffset? ReportBackDueBy { get; set; }

    /// <summary>When the unit accepted or declined.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? HandlingDueBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>For a review or re-review case (opened by ReviewRequested, not by CaseOpened): its stage, start and due date.</summary>
    public string? ReviewStage { get; set; }

    public DateTimeOffset? ReviewRequestedAt { get; set; }

    public DateTimeOffset? ReviewDueBy { get; set; }

    /// <summary>The review's hearings; a republished event adds nothing, as each hearing is kept once.</summary>
    public List<HearingPeriod> Hearings { get; } = [];

    /// <summary>The moves of the case's clocks by holiday notices, by ledger stage; a republished event adds nothing.</summary>
    public Dictionary<string, List<DueDateMove>> Moves { get; } = [];

    /// <summary>The instant the case first shows up in the history, to keep cases in the order they began.</summary>
    public DateTimeOffset FirstSeenAt => OpenedAt ?? ReviewRequestedAt ?? AcceptedAt ?? DecidedAt ?? AnsweredAt ?? DateTimeOffset.MaxValue;

    public IEnumerable<StageClock> Clocks()
    {
        if (OpenedAt is { } opened && AcceptanceDueBy is { } acceptanceDue)
        {
            yield return new StageClock(LedgerStages.Acceptance, OrgId, CaseId, opened, acceptanceDue, DecidedAt) { Moves = MovesOf(LedgerStages.Acceptance) };
        }

        if (AcceptedAt is { } accepted && HandlingDueBy is { } handlingDue)
        {
            yield return new StageClock(LedgerStages.Handling, OrgId, CaseId, accepted, handlingDue, AnsweredAt) { Moves = MovesOf(LedgerStages.Handling) };
        }

        // A review has no acceptance step: its one clock runs from the request to the superior's answer.
        if (ReviewStage is { } stage && ReviewRequestedAt is { } requested && ReviewDueBy is { } reviewDue)
        {
            yield return new StageClock(stage, OrgId, CaseId, requested, reviewDue, AnsweredAt)
            {
                Hearings = [.. Hearings.OrderBy(h => h.StartedOn)],
                Moves = MovesOf(stage),
            };
        }

        if (OpenedAt is { } assigned && ReportBackDueBy is { } reportBackDue)
        {
            yield return new StageClock(LedgerStages.ReportBack, OrgId, CaseId, assigned, reportBackDue, AnsweredAt) { Moves = MovesOf(LedgerStages.ReportBack) };
        }
    }

    /// <summary>Records a move of the clock of <paramref name="stage"/> once.</summary>
    public void Moved(string stage, DueDateMove move)
    {
        if (!Moves.TryGetValue(stage, out var moves))
        {
            Moves[stage] = moves = [];
        }

        if (!moves.Contains(move))
        {
            moves.Add(move);
        }
    }

    private List<DueDateMove> MovesOf(string stage) => Moves.TryGetValue(stage, out var moves) ? [.. moves] : [];
}
