namespace PetitionPlatform.Contracts;

/// <summary>
/// A holiday notice loaded at run time moved a clock that was still running: it now ends at <paramref name="DueBy"/>
/// instead of <paramref name="PreviousDueBy"/>. The clock is the one of <paramref name="Clock"/> (one of
/// <see cref="DueDateClocks"/>) that started at <paramref name="StartedAt"/>, owed by <paramref name="OrgId"/>, on case
/// <paramref name="CaseId"/> when it is a case's. Dates and ids only, as every event.
/// </summary>
/// <param name="Stage">The case's stage (<see cref="CaseStages"/>); null for a clock that is not a case's.</param>
/// <param name="NoticeYear">The year of the notice that moved it, and <paramref name="NoticeReference"/> its document number.</param>
public sealed record DueDateChanged(
    Guid PetitionId,
    Guid? CaseId,
    string OrgId,
    string Clock,
    string? Stage,
    DateTimeOffset StartedAt,
    DateTimeOffset PreviousDueBy,
    DateTimeOffset DueBy,
    int NoticeYear,
    string NoticeReference,
    bool Confidential,
    DateTimeOffset OccurredAt) : IPetitionEvent;

/// <summary>The clocks a loaded holiday notice can move, named as in <see cref="DueDateChanged.Clock"/>.</summary>
public static class DueDateClocks
{
    /// <summary>The unit decides whether to accept the case (15 days from the routing decision).</summary>
    public const string Acceptance = "acceptance";

    /// <summary>The case's answer: 60 days for the original handling (with its extension), 30 for a review or re-review (hearings left out).</summary>
    public const string Answer = "answer";

    /// <summary>An assigned matter's report-back date (<see cref="Periods.ReportBack"/>), owed by the case's unit until it answers.</summary>
    public const string ReportBack = "report-back";

    /// <summary>The petitioner's 30 days to ask for a review of the answer.</summary>
    public const string ReviewRequest = "review-request";

    /// <summary>
    /// A disputed matter's common superior names the unit that is to handle it (<c>RoutingDecisionRequired.DecideBy</c>):
    /// no case, owed by the superior, started when the last candidate declined.
    /// </summary>
    public const string DisputeDecision = "dispute-decision";
}
