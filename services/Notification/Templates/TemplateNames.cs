namespace PetitionPlatform.Notification.Templates;

/// <summary>The document kinds notification writes; each is a file <c>Templates/{name}.txt</c> embedded in the service.</summary>
public static class TemplateNames
{
    // To the petitioner.
    public const string Receipt = "receipt";
    public const string Transferred = "transferred";
    public const string NotAcceptedLegalRoute = "not-accepted-legal-route";
    public const string Accepted = "accepted";
    public const string Extended = "extended";
    public const string Answered = "answered";

    /// <summary>The answer to a re-review, after which the matter is not accepted again: no further step to offer.</summary>
    public const string AnsweredFinal = "answered-final";

    /// <summary>A terminated matter was submitted again: registered, not accepted, and why.</summary>
    public const string NotAcceptedTerminated = "not-accepted-terminated";

    /// <summary>A review or re-review was opened at the unit above; sent to the petitioner and to that unit alike.</summary>
    public const string ReviewOpened = "review-opened";

    /// <summary>A review or re-review body held a hearing (听证): the answer's date moves, the petitioner is told the new one.</summary>
    public const string HearingHeld = "hearing-held";

    /// <summary>A holiday notice loaded at run time moved the end of the petitioner's window to ask for a review.</summary>
    public const string ReviewWindowChanged = "review-window-changed";

    /// <summary>The matter is concluded (终结) and will not be accepted again.</summary>
    public const string Terminated = "terminated";

    // To units.
    public const string NewCase = "new-case";
    public const string DeclinedReturned = "declined-returned";
    public const string RoutingDecisionRequired = "routing-decision-required";
    public const string LegalProcedure = "legal-procedure";

    /// <summary>A co-handling unit added findings to a joint case: the lead unit, which answers, is told to read them.</summary>
    public const string FindingsAdded = "findings-added";

    /// <summary>A holiday notice loaded at run time moved a deadline the unit owes (its acceptance decision or its answer).</summary>
    public const string DueDateChanged = "due-date-changed";

    /// <summary>A holiday notice loaded at run time moved the date by which a common superior is to settle a dispute.</summary>
    public const string DisputeDateChanged = "dispute-date-changed";

    // Supervision's notices to units (and the units copied).
    public const string SupervisionReminder = "supervision-reminder";
    public const string SupervisionOverdue = "supervision-overdue";
    public const string SupervisionEscalation = "supervision-escalation";
    public const string SupervisionAlert = "supervision-alert";

    public static readonly IReadOnlyList<string> All =
    [
        Receipt, Transferred, NotAcceptedLegalRoute, Accepted, Extended, Answered, AnsweredFinal, NotAcceptedTerminated, ReviewOpened, Terminated,
        HearingHeld, ReviewWindowChanged,
        NewCase, DeclinedReturned, RoutingDecisionRequired, LegalProcedure, FindingsAdded, DueDateChanged, DisputeDateChanged,
        SupervisionReminder, SupervisionOverdue, SupervisionEscalation, SupervisionAlert,
    ];
}
