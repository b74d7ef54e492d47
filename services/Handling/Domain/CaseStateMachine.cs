using static PetitionPlatform.Handling.Domain.CaseStatuses;

namespace PetitionPlatform.Handling.Domain;

/// <summary>
/// The one table of which action is allowed in which status (DOMAIN.md §5, steps 3–5). Anything not in the table is
/// refused with a reason the unit can act on; the API turns that into a 409. Rules that depend on more than the status
/// (one extension only, its length, confidential cases) are checked by <see cref="Case"/> on top of this table.
/// </summary>
public static class CaseStateMachine
{
    private static readonly Dictionary<(string From, CaseAction Action), string> s_transitions = new()
    {
        [(AwaitingAcceptance, CaseAction.Accept)] = InProgress,
        [(AwaitingAcceptance, CaseAction.Decline)] = Declined,
        [(AwaitingAcceptance, CaseAction.AddCoHandlers)] = AwaitingAcceptance,
        [(AwaitingAcceptance, CaseAction.Supersede)] = Closed,
        [(InProgress, CaseAction.AddCoHandlers)] = InProgress,
        [(InProgress, CaseAction.Extend)] = InProgress,
        [(InProgress, CaseAction.Answer)] = Answered,
        [(InProgress, CaseAction.Supersede)] = Closed,
        [(Answered, CaseAction.Evaluate)] = Evaluated,
        [(Answered, CaseAction.RequestReview)] = ReviewRequested,
        [(Evaluated, CaseAction.RequestReview)] = ReviewRequested,
        [(AwaitingAcceptance, CaseAction.Terminate)] = Closed,
        [(InProgress, CaseAction.Terminate)] = Closed,
        [(InProgress, CaseAction.AddFindings)] = InProgress,
        [(InProgress, CaseAction.RecordHearing)] = InProgress,
    };

    public static CaseTransition Decide(string from, CaseAction action) =>
        s_transitions.TryGetValue((from, action), out var to)
            ? CaseTransition.Allowed(to)
            : CaseTransition.Refused($"Cannot {Verb(action)}: {Why(from, action)}.");

    /// <summary>Whether a later routing decision closes a case in this status: only a case still being worked on is replaced.</summary>
    public static bool IsOpen(string status) => status is AwaitingAcceptance or InProgress;

    private static string Verb(CaseAction action) => action switch
    {
        CaseAction.Accept => "accept the case",
        CaseAction.Decline => "decline the case",
        CaseAction.AddCoHandlers => "add co-handling units",
        CaseAction.Extend => "extend the handling period",
        CaseAction.Answer => "answer the case",
        CaseAction.Evaluate => "evaluate the answer",
        CaseAction.Supersede => "close the case",
        CaseAction.RequestReview => "request a review",
        CaseAction.Terminate => "close the case as terminated",
        CaseAction.AddFindings => "add findings",
        CaseAction.RecordHearing => "record a hearing",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static string Why(string status, CaseAction action) => (status, action) switch
    {
        (AwaitingAcceptance, CaseAction.Evaluate or CaseAction.RequestReview)
            or (InProgress, CaseAction.Evaluate or CaseAction.RequestReview) => "the case has not been answered yet",
        (AwaitingAcceptance, _) => "the unit has not accepted the case yet",
        (InProgress, CaseAction.Decline) => "the unit already accepted the case; a unit that accepted must handle it",
        (InProgress, _) => "the case was already accepted and is being handled",
        (Answered, _) => "the case has already been answered",
        (Evaluated, _) => "the petitioner has already evaluated the answer",
        (Declined, _) => "the unit declined the case; routing decides who handles the petition now",
        (Closed, _) => "the case was closed when the petition was routed again or the matter was terminated",
        (ReviewRequested, _) => "a review of this answer was already requested; the reviewing unit's case carries the matter on",
        _ => $"the case is in an unknown status '{status}'",
    };
}
