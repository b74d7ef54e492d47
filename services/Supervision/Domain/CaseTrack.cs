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

    /// <summary>The instant the case first shows up in the history, to keep cases in the order they began.</summary>
    public DateTimeOffset FirstSeenAt => OpenedAt ?? ReviewRequestedAt ?? AcceptedAt ?? DecidedAt ?? AnsweredAt ?? DateTimeOffset.MaxValue;

    public IEnumerable<StageClock> Clocks()
    {
        if (OpenedAt is { } opened && AcceptanceDueBy is { } acceptanceDue)
        {
            yield return new StageClock(LedgerStages.Acceptance, OrgId, CaseId, opened, acceptanceDue, DecidedAt);
        }

        if (AcceptedAt is { } accepted && HandlingDueBy is { } handlingDue)
        {
            yield return new StageClock(LedgerStages.Handling, OrgId, CaseId, accepted, handlingDue, AnsweredAt);
        }

        // A review has no acceptance step: its one clock runs from the request to the superior's answer.
        if (ReviewStage is { } stage && ReviewRequestedAt is { } requested && ReviewDueBy is { } reviewDue)
        {
            yield return new StageClock(stage, OrgId, CaseId, requested, reviewDue, AnsweredAt)
            {
                Hearings = [.. Hearings.OrderBy(h => h.StartedOn)],
            };
        }

        if (OpenedAt is { } assigned && ReportBackDueBy is { } reportBackDue)
        {
            yield return new StageClock(LedgerStages.ReportBack, OrgId, CaseId, assigned, reportBackDue, AnsweredAt);
        }
    }
}
