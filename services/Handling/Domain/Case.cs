using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Handling.Domain;

/// <summary>
/// One unit's handling of one petition at one stage. Every change goes through a method that asks
/// <see cref="CaseStateMachine"/> first and returns the refusal instead of changing anything when it is not allowed.
/// Holds no personal data: the petitioner is known to handling only by the hash of the query code, on the petition.
/// </summary>
public sealed class Case
{
    private Case()
    {
    }

    public Guid Id { get; private set; }

    public Guid PetitionId { get; private set; }

    public string Stage { get; private set; } = CaseStages.Original;

    public string OrgId { get; private set; } = "";

    public List<string> CoHandlerOrgIds { get; private set; } = [];

    /// <summary>The routing mode that brought the matter here (transfer, assign, forward-to-discipline).</summary>
    public string Mode { get; private set; } = "";

    /// <summary>A report (检举控告): no unit but this one may see or join the case.</summary>
    public bool Confidential { get; private set; }

    /// <summary>PetitionRouted.Attempt: which routing decision opened the case; one case per decision and unit.</summary>
    public int RoutingAttempt { get; private set; }

    public string Status { get; private set; } = CaseStatuses.AwaitingAcceptance;

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset AcceptanceDueBy { get; private set; }

    public DateTimeOffset? ReportBackDueBy { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public string? AcceptedBy { get; private set; }

    public DateTimeOffset? HandlingDueBy { get; private set; }

    public int? ExtensionDays { get; private set; }

    public string? ExtensionReason { get; private set; }

    public string? ExtensionApprovedBy { get; private set; }

    public DateTimeOffset? ExtendedAt { get; private set; }

    public string? DeclineReason { get; private set; }

    public string? DeclineLegalBasis { get; private set; }

    public string? SuggestedOrgId { get; private set; }

    public DateTimeOffset? DeclinedAt { get; private set; }

    public string? Outcome { get; private set; }

    public string? Opinion { get; private set; }

    public string? LegalBasis { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? ReviewDueBy { get; private set; }

    public string? Rating { get; private set; }

    public DateTimeOffset? EvaluatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>On a review or re-review case: the case whose answer the petitioner contested.</summary>
    public Guid? ReviewOfCaseId { get; private set; }

    /// <summary>On a review or re-review case: the petitioner's reasons for contesting the answer.</summary>
    public string? ReviewReason { get; private set; }

    /// <summary>On a contested case: the superior's case opened for the review.</summary>
    public Guid? ReviewCaseId { get; private set; }

    /// <summary>On a contested case: when the petitioner asked for the review.</summary>
    public DateTimeOffset? ReviewRequestedAt { get; private set; }

    /// <summary>The findings of the units handling the case together (会办), oldest first; the lead unit answers.</summary>
    public List<CaseFinding> Findings { get; private set; } = [];

    /// <summary>Hearings (听证) the reviewing unit held, in the order they were recorded; their days do not count in the period.</summary>
    public List<CaseHearing> Hearings { get; private set; } = [];

    /// <summary>The days of all hearings together, each counted with its first and last day.</summary>
    public int HearingDays => Hearings.Sum(h => h.Days);

    /// <summary>PostgreSQL's <c>xmin</c>: two requests that read the same version cannot both save a transition.</summary>
    public uint Version { get; private set; }

    /// <summary>The clock that runs now: acceptance until the unit accepts, then handling (extended if it was).</summary>
    public DateTimeOffset DueBy => HandlingDueBy ?? AcceptanceDueBy;

    /// <summary>
    /// Whether <see cref="DueBy"/> was counted on a year whose holiday notice is not loaded; the clock that runs now
    /// started at acceptance once there is one, at the opening before.
    /// </summary>
    public bool DueByProvisional => StatutoryCalendar.China.IsProvisional(AcceptedAt ?? OpenedAt, DueBy);

    /// <summary>Opens the original-stage case of a routing decision; the unit's 15 days run from the decision.</summary>
    public static Case Open(PetitionRouted routed, Guid id)
    {
        ArgumentNullException.ThrowIfNull(routed);
        return new Case
        {
            Id = id,
            PetitionId = routed.PetitionId,
            Stage = CaseStages.Original,
            OrgId = routed.ResponsibleOrgId,
            // A report is handled by its unit alone (art. 23), whatever a decision might list beside it.
            CoHandlerOrgIds = routed.Confidential ? [] : routed.CoHandlerOrgIds.Where(o => o != routed.ResponsibleOrgId).Distinct().ToList(),
            Mode = routed.Mode,
            Confidential = routed.Confidential,
            RoutingAttempt = routed.Attempt,
            Status = CaseStatuses.AwaitingAcceptance,
            OpenedAt = routed.OccurredAt,
            AcceptanceDueBy = CasePeriods.AcceptanceDueBy(routed.OccurredAt),
            ReportBackDueBy = routed.ReportBackDueBy,
        };
    }

    /// <summary>The stage a review of this case's answer would have; null after a re-review, whose answer is final.</summary>
    public string? NextReviewStage => Stage switch
    {
        CaseStages.Original => CaseStages.Review,
        CaseStages.Review => CaseStages.ReReview,
        _ => null,
    };

    /// <summary>
    /// Whether the petitioner may contest this case's answer at <paramref name="at"/>: the case must be answered (and
    /// not contested already), not be a re-review, and the 30-day window from the answer must still be open.
    /// Changes nothing; the workflow asks before it looks up the superior unit.
    /// </summary>
    public CaseTransition CheckReviewRequest(DateTimeOffset at)
    {
        var transition = CaseStateMachine.Decide(Status, CaseAction.RequestReview);
        if (!transition.IsAllowed)
        {
            return transition;
        }

        if (NextReviewStage is null)
        {
            // Art. 36: after the re-review the same facts and reasons are not accepted again.
            return CaseTransition.Refused("Cannot request a review: the matter is terminated; a re-review answer is final.");
        }

        if (StatutoryCalendar.IsOverdue(ReviewDueBy!.Value, at))
        {
            var closed = ReviewDueBy.Value.ToOffset(StatutoryCalendar.ChinaOffset);
            return CaseTransition.Refused(
                $"Cannot request a review: the 30-day window after the answer closed on {closed:yyyy-MM-dd} ({closed:yyyy-MM-ddTHH:mm:sszzz}).");
        }

        return transition;
    }

    /// <summary>
    /// The petitioner contests the answer: this case is marked as contested and <paramref name="review"/> is opened at
    /// <paramref name="superiorOrgId"/>, the unit one level above. The superior owes the review, so there is no acceptance
    /// step: the case starts in progress, due 30 days from the request.
    /// </summary>
    public CaseTransition RequestReview(string superiorOrgId, string reason, Guid reviewCaseId, DateTimeOffset at, out Case? review)
    {
        review = null;
        var transition = CheckReviewRequest(at);
        if (!transition.IsAllowed)
        {
            return transition;
        }

        if (superiorOrgId == OrgId)
        {
            return CaseTransition.Refused("Cannot request a review: the unit above the answering unit must be another unit.");
        }

        review = new Case
        {
            Id = reviewCaseId,
            PetitionId = PetitionId,
            Stage = NextReviewStage!,
            OrgId = superiorOrgId,
            Mode = CaseModes.ReviewRequest,
            Confidential = Confidential,
            RoutingAttempt = RoutingAttempt,
            Status = CaseStatuses.InProgress,
            OpenedAt = at,
            // Accepted on opening: the acceptance clock is met the moment it starts.
            AcceptanceDueBy = at,
            AcceptedAt = at,
            HandlingDueBy = CasePeriods.ReviewAnswerDueBy(at),
            ReviewOfCaseId = Id,
            ReviewReason = reason,
        };
        ReviewCaseId = reviewCaseId;
        ReviewRequestedAt = at;
        Status = transition.To!;
        return transition;
    }

    /// <summary>The matter was terminated (终结) while this case was open: it ends without an answer.</summary>
    public CaseTransition Terminate(DateTimeOffset at) => Close(CaseAction.Terminate, at);

    public CaseTransition Accept(string by, DateTimeOffset at)
    {
        var transition = CaseStateMachine.Decide(Status, CaseAction.Accept);
        if (transition.IsAllowed)
        {
            AcceptedBy = by;
            AcceptedAt = at;
            HandlingDueBy = CasePeriods.HandlingDueBy(at);
            Status = transition.To!;
        }

        return transition;
    }

    public CaseTransition Decline(string reason, string? legalBasis, string? suggestedOrgId, DateTimeOffset at)
    {
        if (Stage != CaseStages.Original)
        {
            // The law names the reviewer (the unit above the one that answered), not a competence that could be disputed.
            return CaseTransition.Refused(
                $"Cannot decline the case: a {(Stage == CaseStages.Review ? "review (复查)" : "re-review (复核)")} is owed by the unit one "
                + "level above the unit whose answer is contested (信访工作条例 arts. 35–36); it must be answered, not passed on.");
        }

        var transition = CaseStateMachine.Decide(Status, CaseAction.Decline);
        if (transition.IsAllowed && suggestedOrgId == OrgId)
        {
            return CaseTransition.Refused("A unit that declines cannot suggest itself as the responsible unit.");
        }

        if (transition.IsAllowed)
        {
            DeclineReason = reason;
            DeclineLegalBasis = legalBasis;
            SuggestedOrgId = suggestedOrgId;
            DeclinedAt = at;
            Status = transition.To!;
        }

        return transition;
    }

    /// <summary>Adds co-handling units (会办); <paramref name="added"/> holds the units that were not co-handlers already.</summary>
    public CaseTransition AddCoHandlers(IEnumerable<string> orgIds, out IReadOnlyList<string> added)
    {
        added = [];
        var transition = CaseStateMachine.Decide(Status, CaseAction.AddCoHandlers);
        if (!transition.IsAllowed)
        {
            return transition;
        }

        if (Confidential)
        {
            // Regulation art. 23: a report must not reach anyone beyond the unit that handles it.
            return CaseTransition.Refused("A report (检举控告) is handled by its unit alone: no other unit may join or see it.");
        }

        var requested = orgIds.Distinct().ToList();
        if (requested.Contains(OrgId))
        {
            return CaseTransition.Refused("The case's own unit leads it and cannot also be a co-handler.");
        }

        added = requested.Except(CoHandlerOrgIds).ToList();
        CoHandlerOrgIds = [.. CoHandlerOrgIds, .. added];
        return transition;
    }

    /// <summary>Whether <paramref name="orgId"/> works on this case: the lead unit or one of its co-handlers.</summary>
    public bool IsHandledBy(string orgId) => orgId == OrgId || (!Confidential && CoHandlerOrgIds.Contains(orgId));

    /// <summary>
    /// A unit handling the case records what it found. Only while the case is being handled (in progress): before
    /// acceptance there is nothing to investigate, after the answer the findings could no longer inform it.
    /// </summary>
    public CaseTransition AddFindings(string orgId, string findings, DateTimeOffset at)
    {
        if (!IsHandledBy(orgId))
        {
            // The workflow answers this with a 403 before it gets here; the aggregate holds to the rule all the same.
            return CaseTransition.Refused($"Cannot add findings: '{orgId}' neither leads nor co-handles this case.");
        }

        var transition = CaseStateMachine.Decide(Status, CaseAction.AddFindings);
        if (transition.IsAllowed)
        {
            Findings.Add(new CaseFinding(orgId, findings, at));
        }

        return transition;
    }

    public CaseTransition Extend(int days, string reason, string approvedBy, DateTimeOffset at)
    {
        var transition = CaseStateMachine.Decide(Status, CaseAction.Extend);
        if (!transition.IsAllowed)
        {
            return transition;
        }

        if (ExtensionDays is { } earlier)
        {
            return CaseTransition.Refused(
                $"Cannot extend the handling period: it may be extended only once (art. 34), and was already extended by {earlier} days.");
        }

        if (days is < 1 or > StatutoryPeriods.MaxExtensionDays)
        {
            return CaseTransition.Refused($"An extension is 1 to {StatutoryPeriods.MaxExtensionDays} days (art. 34), not {days}.");
        }

        ExtensionDays = days;
        ExtensionReason = reason;
        ExtensionApprovedBy = approvedBy;
        ExtendedAt = at;
        HandlingDueBy = CasePeriods.AnswerDueBy(Stage, AcceptedAt!.Value, days, HearingDays);
        return transition;
    }

    /// <summary>
    /// The reviewing unit held a hearing (听证) on the days <paramref name="startedOn"/> to <paramref name="endedOn"/>
    /// (China, both included). Those days are not counted in the review period (信访工作条例), so the answer's due date
    /// is counted again with them. Only the case's own unit, only on a review or re-review case that is being handled;
    /// hearings may not overlap, and one that began after the period ran out cannot bring the period back.
    /// Field checks (dates in order, not in the future, not before the case opened) are the API's, and come first.
    /// </summary>
    public CaseTransition RecordHearing(string orgId, DateOnly startedOn, DateOnly endedOn, DateTimeOffset at)
    {
        if (Stage == CaseStages.Original)
        {
            // The regulation gives hearings to the review and re-review bodies; the original period has no such pause.
            return CaseTransition.Refused(
                "Cannot record a hearing: hearing time (听证) is excluded only from a review (复查) or re-review (复核) period; "
                + "this case is the original handling, whose period can only be extended (art. 34).");
        }

        if (orgId != OrgId)
        {
            // The workflow answers this with a 403 before it gets here; the aggregate holds to the rule all the same.
            return CaseTransition.Refused($"Cannot record a hearing: '{orgId}' is not the unit reviewing this case.");
        }

        var transition = CaseStateMachine.Decide(Status, CaseAction.RecordHearing);
        if (!transition.IsAllowed)
        {
            return transition;
        }

        if (Hearings.FirstOrDefault(h => h.Overlaps(startedOn, endedOn)) is { } overlapping)
        {
            return CaseTransition.Refused(
                $"Cannot record a hearing: it overlaps the hearing of {overlapping.StartedOn:yyyy-MM-dd} to {overlapping.EndedOn:yyyy-MM-dd} "
                + "already recorded; a day is excluded from the period only once.");
        }

        var lastDay = StatutoryCalendar.DayOf(HandlingDueBy!.Value);
        if (startedOn > lastDay)
        {
            return CaseTransition.Refused(
                $"Cannot record a hearing: it began after the period had run out on {lastDay:yyyy-MM-dd}; "
                + "only time taken within the period is excluded from it.");
        }

        Hearings.Add(new CaseHearing(orgId, startedOn, endedOn, at));
        HandlingDueBy = CasePeriods.AnswerDueBy(Stage, AcceptedAt!.Value, ExtensionDays ?? 0, HearingDays);
        return transition;
    }

    public CaseTransition Answer(string outcome, string opinion, string legalBasis, DateTimeOffset at)
    {
        var transition = CaseStateMachine.Decide(Status, CaseAction.Answer);
        if (transition.IsAllowed)
        {
            Outcome = outcome;
            Opinion = opinion;
            LegalBasis = legalBasis;
            AnsweredAt = at;
            ReviewDueBy = CasePeriods.ReviewDueBy(at);
            Status = transition.To!;
        }

        return transition;
    }

    public CaseTransition Evaluate(string rating, DateTimeOffset at)
    {
        var transition = CaseStateMachine.Decide(Status, CaseAction.Evaluate);
        if (transition.IsAllowed)
        {
            Rating = rating;
            EvaluatedAt = at;
            Status = transition.To!;
        }

        return transition;
    }

    /// <summary>
    /// Counts the clocks that still run at <paramref name="now"/> again on the calendar as it is now (after a holiday
    /// notice was loaded), each from its own start by the same rule that set it, and moves those whose last day
    /// changed. A clock that ran out before now stays as it was: a notice loaded late does not reopen it.
    /// </summary>
    public IReadOnlyList<CaseClockMove> RecountClocks(DateTimeOffset now)
    {
        List<CaseClockMove> moves = [];
        if (Status == CaseStatuses.AwaitingAcceptance && Stage == CaseStages.Original && AcceptanceDueBy >= now)
        {
            AcceptanceDueBy = Moved(DueDateClocks.Acceptance, OpenedAt, AcceptanceDueBy, CasePeriods.AcceptanceDueBy(OpenedAt));
        }
        else if (Status == CaseStatuses.InProgress && HandlingDueBy is { } handlingDueBy && handlingDueBy >= now)
        {
            HandlingDueBy = Moved(DueDateClocks.Answer, AcceptedAt!.Value, handlingDueBy,
                CasePeriods.AnswerDueBy(Stage, AcceptedAt.Value, ExtensionDays ?? 0, HearingDays));
        }
        else if (Status is CaseStatuses.Answered or CaseStatuses.Evaluated && NextReviewStage is not null
            && ReviewDueBy is { } reviewDueBy && reviewDueBy >= now)
        {
            ReviewDueBy = Moved(DueDateClocks.ReviewRequest, AnsweredAt!.Value, reviewDueBy, CasePeriods.ReviewDueBy(AnsweredAt.Value));
        }

        // Beside the acceptance and handling clocks: an assigned matter is also owed back to the bureau until it is answered.
        if (Status is CaseStatuses.AwaitingAcceptance or CaseStatuses.InProgress && Mode == RoutingModes.Assign
            && ReportBackDueBy is { } reportBackDueBy && reportBackDueBy >= now)
        {
            ReportBackDueBy = Moved(DueDateClocks.ReportBack, OpenedAt, reportBackDueBy, ReportBack.DueBy(OpenedAt));
        }

        return moves;

        DateTimeOffset Moved(string clock, DateTimeOffset startedAt, DateTimeOffset previous, DateTimeOffset recounted)
        {
            if (recounted != previous)
            {
                moves.Add(new CaseClockMove(clock, startedAt, previous, recounted));
            }

            return recounted;
        }
    }

    /// <summary>A later routing decision sent the petition elsewhere: this unit's open case ends without an answer.</summary>
    public CaseTransition Supersede(DateTimeOffset at) => Close(CaseAction.Supersede, at);

    /// <summary>Both ways a case ends without an answer record the same facts; the state machine says which may.</summary>
    private CaseTransition Close(CaseAction action, DateTimeOffset at)
    {
        var transition = CaseStateMachine.Decide(Status, action);
        if (transition.IsAllowed)
        {
            ClosedAt = at;
            Status = transition.To!;
        }

        return transition;
    }
}
