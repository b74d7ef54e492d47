using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// Folds a petition's lifecycle events into its ledger and progress view. The events are replayed in the order in
/// which they occurred, whatever order they arrived in, and each clock is keyed by its stage and case, so a late or
/// repeated event completes the picture instead of adding to it.
/// </summary>
public sealed class LedgerProjection
{
    private readonly Guid _petitionId;
    private readonly Dictionary<Guid, CaseTrack> _cases = [];
    private readonly List<ProgressStep> _steps = [];
    private readonly List<DisputeClock> _disputes = [];
    private PetitionRegistered? _registration;
    private DateTimeOffset? _firstRoutedAt;
    private string _status = ProgressStatuses.Registered;
    private string? _mode;
    private string? _responsibleOrgId;
    private string? _responsibleOrgName;
    private string? _routedBy;
    private string? _currentOrgId;
    private string? _currentOrgName;
    private bool _confidential;
    private WrittenAnswer? _answer;
    private bool _terminated;
    private bool _answerContested;
    private bool _answerFinal;

    private LedgerProjection(Guid petitionId) => _petitionId = petitionId;

    public static PetitionProgress Project(Guid petitionId, IEnumerable<IPetitionEvent> events)
    {
        var projection = new LedgerProjection(petitionId);
        foreach (var @event in events.OrderBy(e => e.OccurredAt).ThenBy(LifecycleEvents.OrderOf))
        {
            projection.Apply(@event);
        }

        return projection.Result();
    }

    private void Apply(IPetitionEvent @event)
    {
        switch (@event)
        {
            case PetitionRegistered e: Registered(e); break;
            case PetitionRouted e: Routed(e); break;
            case RoutingDecisionRequired e: DecisionRequired(e); break;
            case CaseOpened e: Opened(e); break;
            case CaseAccepted e: Accepted(e); break;
            case CaseDeclined e: Declined(e); break;
            case CaseExtended e: Extended(e); break;
            case CaseHearingRecorded e: HearingHeld(e); break;
            case CaseAnswered e: Answered(e); break;
            case CaseEvaluated e: Evaluated(e); break;
            case ReviewRequested e: ReviewOpened(e); break;
            case PetitionTerminated e: Terminated(e); break;
            case DueDateChanged e: DueDateMoved(e); break;
            default: break; // Co-handlers change no clock and no step the petitioner is shown.
        }
    }

    private void Registered(PetitionRegistered e)
    {
        _registration = e;
        _currentOrgId ??= e.ReceivedBy;
        AddStep(new ProgressStep(ProgressSteps.Registered, e.ReceivedBy, e.OccurredAt, IntakeDecisionDueBy(e)));
    }

    private void Routed(PetitionRouted e)
    {
        _firstRoutedAt ??= e.OccurredAt;
        // Routing lets only the awaited decider reroute a disputed matter, so a routing after the dispute is its decision.
        foreach (var dispute in _disputes.Where(d => d.DecidedAt is null && d.StartedAt <= e.OccurredAt))
        {
            dispute.DecidedAt = e.OccurredAt;
        }

        _mode = e.Mode;
        _responsibleOrgId = e.ResponsibleOrgId;
        _responsibleOrgName = e.ResponsibleOrgName;
        _routedBy = e.OrgId;
        _confidential |= e.Confidential;
        SetStatus(e.Mode == RoutingModes.GuideToLegal ? ProgressStatuses.GuidedToLegalProcedure : ProgressStatuses.Routed);
        MoveTo(e.ResponsibleOrgId);
        // The due date of a routing step is the acceptance deadline, which the case opened for it brings.
        AddStep(new ProgressStep(ProgressSteps.ForRoutingMode(e.Mode), e.ResponsibleOrgId, e.OccurredAt, null,
            e.Mode == RoutingModes.GuideToLegal ? e.LegalRoute : null));
    }

    private void DecisionRequired(RoutingDecisionRequired e)
    {
        _confidential |= e.Confidential;
        SetStatus(ProgressStatuses.AwaitingRoutingDecision);
        MoveTo(e.DeciderOrgId);
        AddStep(new ProgressStep(ProgressSteps.AwaitingRoutingDecision, e.DeciderOrgId, e.OccurredAt, e.DecideBy));
        // The same event kept twice (republished under a new id) must not open a second clock.
        if (e.DecideBy is { } decideBy && !_disputes.Any(d => d.StartedAt == e.OccurredAt && d.DeciderOrgId == e.DeciderOrgId))
        {
            _disputes.Add(new DisputeClock(e.DeciderOrgId, e.OccurredAt, decideBy));
        }
    }

    private void Opened(CaseOpened e)
    {
        var track = Case(e.CaseId, e.OrgId);
        track.OpenedAt = e.OccurredAt;
        track.AcceptanceDueBy = e.AcceptanceDueBy;
        track.ReportBackDueBy = e.ReportBackDueBy;
        _confidential |= e.Confidential;
        _mode ??= e.Mode;
        // A case event that occurred earlier (replayed in order) already moved the status further.
        if (track.DecidedAt is null)
        {
            SetStatus(ProgressStatuses.Routed);
            MoveTo(e.OrgId);
        }

        var routing = _steps.FindLastIndex(s => s.OrgId == e.OrgId && s.DueBy is null && IsRoutingStep(s.Step));
        if (routing >= 0)
        {
            _steps[routing] = _steps[routing] with { DueBy = e.AcceptanceDueBy };
        }
    }

    private void Accepted(CaseAccepted e)
    {
        var track = Case(e.CaseId, e.OrgId);
        track.DecidedAt = e.OccurredAt;
        track.AcceptedAt = e.OccurredAt;
        track.HandlingDueBy ??= e.HandlingDueBy;
        _confidential |= e.Confidential;
        SetStatus(ProgressStatuses.InProgress);
        MoveTo(e.OrgId);
        AddStep(new ProgressStep(ProgressSteps.Accepted, e.OrgId, e.OccurredAt, e.HandlingDueBy));
    }

    private void Declined(CaseDeclined e)
    {
        Case(e.CaseId, e.OrgId).DecidedAt = e.OccurredAt;
        _confidential |= e.Confidential;
        SetStatus(ProgressStatuses.AwaitingRoutingDecision);
        // The matter is back with whoever routed it; the unit's reasons are internal and not kept in the view.
        MoveTo(_routedBy ?? e.OrgId);
        AddStep(new ProgressStep(ProgressSteps.Declined, e.OrgId, e.OccurredAt, null));
    }

    private void Extended(CaseExtended e)
    {
        Case(e.CaseId, e.OrgId).HandlingDueBy = e.HandlingDueBy;
        SetStatus(ProgressStatuses.Extended);
        AddStep(new ProgressStep(ProgressSteps.Extended, e.OrgId, e.OccurredAt, e.HandlingDueBy));
    }

    /// <summary>
    /// Hearing days are not counted in a review period: the review clock now runs to the date handling counted again.
    /// Each event carries the due date with every hearing so far, and they replay in order, so the last one stands.
    /// Notices already issued against the earlier date are kept by the notice store; only new evaluations see this date.
    /// </summary>
    private void HearingHeld(CaseHearingRecorded e)
    {
        var track = Case(e.CaseId, e.OrgId);
        if (e.Stage == CaseStages.Original)
        {
            track.HandlingDueBy = e.DueBy;
        }
        else
        {
            track.ReviewStage ??= e.Stage;
            track.ReviewDueBy = e.DueBy;
            var held = new HearingPeriod(e.StartedOn, e.EndedOn);
            if (!track.Hearings.Contains(held))
            {
                track.Hearings.Add(held);
            }
        }

        _confidential |= e.Confidential;
        AddStep(new ProgressStep(ProgressSteps.HearingHeld, e.OrgId, e.OccurredAt, e.DueBy));
    }

    private void Answered(CaseAnswered e)
    {
        Case(e.CaseId, e.OrgId).AnsweredAt = e.OccurredAt;
        _confidential |= e.Confidential;
        _answer = new WrittenAnswer(e.Outcome, e.Opinion, e.OccurredAt, e.ReviewDueBy);
        _answerFinal = e.Stage == CaseStages.ReReview;
        _answerContested = false;
        SetStatus(ProgressStatuses.Answered);
        MoveTo(e.OrgId);
        // A re-review answer is final: its step shows no window for contesting it.
        AddStep(new ProgressStep(ProgressSteps.Answered, e.OrgId, e.OccurredAt, e.Stage == CaseStages.ReReview ? null : e.ReviewDueBy));
    }

    private void Evaluated(CaseEvaluated e)
    {
        SetStatus(ProgressStatuses.Evaluated);
        AddStep(new ProgressStep(ProgressSteps.Evaluated, e.OrgId, e.OccurredAt, null));
    }

    private void ReviewOpened(ReviewRequested e)
    {
        var track = Case(e.NewCaseId, e.OrgId);
        track.ReviewStage = e.Stage;
        track.ReviewRequestedAt = e.OccurredAt;
        track.ReviewDueBy = e.DueBy;
        _confidential |= e.Confidential;
        _answerContested = true;
        var reReview = e.Stage == CaseStages.ReReview;
        // The review case's own answer (later) moves the status on; an answer replayed before the request does not go back.
        if (track.AnsweredAt is null)
        {
            SetStatus(reReview ? ProgressStatuses.UnderReReview : ProgressStatuses.UnderReview);
            MoveTo(e.OrgId);
        }

        AddStep(new ProgressStep(reReview ? ProgressSteps.ReReviewRequested : ProgressSteps.ReviewRequested, e.OrgId, e.OccurredAt, e.DueBy));
    }

    private void Terminated(PetitionTerminated e)
    {
        _status = ProgressStatuses.Terminated;
        _terminated = true;
        AddStep(new ProgressStep(ProgressSteps.Terminated, e.OrgId, e.OccurredAt, null));
    }

    /// <summary>
    /// A holiday notice loaded at run time moved a running clock: the clock now ends on the new date (notices already
    /// issued against the old one stay, as after an extension), and the petitioner's view shows the step. Events replay in
    /// the order they occurred, so the clock's own event, however late it arrived, is applied before the move.
    /// </summary>
    private void DueDateMoved(DueDateChanged e)
    {
        _confidential |= e.Confidential;
        var move = new DueDateMove(e.PreviousDueBy, e.DueBy, e.NoticeYear, e.NoticeReference, e.OccurredAt);
        switch (e.Clock)
        {
            case DueDateClocks.Acceptance when e.CaseId is { } caseId:
                var opened = Case(caseId, e.OrgId);
                opened.AcceptanceDueBy = e.DueBy;
                opened.Moved(LedgerStages.Acceptance, move);
                break;
            case DueDateClocks.Answer when e.CaseId is { } caseId && e.Stage == CaseStages.Original:
                var accepted = Case(caseId, e.OrgId);
                accepted.HandlingDueBy = e.DueBy;
                accepted.Moved(LedgerStages.Handling, move);
                break;
            case DueDateClocks.Answer when e.CaseId is { } caseId && e.Stage is { } stage:
                var review = Case(caseId, e.OrgId);
                review.ReviewStage ??= stage;
                review.ReviewDueBy = e.DueBy;
                review.Moved(review.ReviewStage, move);
                break;
            case DueDateClocks.ReportBack when e.CaseId is { } caseId:
                var assigned = Case(caseId, e.OrgId);
                assigned.ReportBackDueBy = e.DueBy;
                assigned.Moved(LedgerStages.ReportBack, move);
                break;
            // Routing moves only a dispute still waiting, so the one open now (events applied in order) is the one moved.
            case DueDateClocks.DisputeDecision when _disputes.LastOrDefault(d => d.DecidedAt is null && d.DeciderOrgId == e.OrgId) is { } dispute:
                dispute.Moved(move);
                break;
            case DueDateClocks.ReviewRequest when _answer is not null:
                // The petitioner's window, not a clock a unit owes: the answer and the step show its new end.
                _answer = _answer with { ReviewDueBy = e.DueBy };
                break;
            default:
                break;
        }

        AddStep(new ProgressStep(ProgressSteps.DueDateChanged, e.OrgId, e.OccurredAt, e.DueBy));
    }

    /// <summary>A terminated matter stays terminated, whatever (e.g. an evaluation of the last answer) comes after.</summary>
    private void SetStatus(string status)
    {
        if (!_terminated)
        {
            _status = status;
        }
    }

    /// <summary>The same event kept twice (republished under a new id) must not show the petitioner the step twice.</summary>
    private void AddStep(ProgressStep step)
    {
        if (!_steps.Contains(step))
        {
            _steps.Add(step);
        }
    }

    private CaseTrack Case(Guid caseId, string orgId)
    {
        if (!_cases.TryGetValue(caseId, out var track))
        {
            track = new CaseTrack(caseId, orgId);
            _cases.Add(caseId, track);
        }

        return track;
    }

    /// <summary>The name is known only for the unit routing named; for anyone else the view shows the id alone.</summary>
    private void MoveTo(string orgId)
    {
        _currentOrgId = orgId;
        _currentOrgName = orgId == _responsibleOrgId ? _responsibleOrgName : null;
    }

    private static bool IsRoutingStep(string step) =>
        step is ProgressSteps.Transferred or ProgressSteps.Assigned or ProgressSteps.ForwardedToDiscipline;

    private static DateTimeOffset IntakeDecisionDueBy(PetitionRegistered e) =>
        StatutoryCalendar.China.DueBy(e.OccurredAt, StatutoryPeriods.IntakeDecisionDays);

    private PetitionProgress Result()
    {
        var stages = new List<StageClock>();
        if (_registration is { } registration)
        {
            stages.Add(new StageClock(LedgerStages.IntakeDecision, registration.ReceivedBy, null,
                registration.OccurredAt, IntakeDecisionDueBy(registration), _firstRoutedAt));
        }

        stages.AddRange(_cases.Values.OrderBy(c => c.FirstSeenAt).SelectMany(c => c.Clocks()));
        stages.AddRange(_disputes.Select(d => d.Clock()));
        var ordered = stages.OrderBy(s => s.StartedAt).ThenBy(s => LedgerStages.Order(s.Stage)).ToList();

        return new PetitionProgress(_petitionId, _registration?.Number, _status, _mode, _responsibleOrgId,
            _currentOrgId, _currentOrgName, _confidential, ordered, _steps, _answer, _terminated, _answerContested, _answerFinal);
    }
}
