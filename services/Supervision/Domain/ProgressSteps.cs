using PetitionPlatform.Contracts;

namespace PetitionPlatform.Supervision.Domain;

/// <summary>The steps the petitioner sees in the progress view, one per lifecycle event they are told about.</summary>
public static class ProgressSteps
{
    public const string Registered = "registered";
    public const string Transferred = "transferred";
    public const string Assigned = "assigned";
    public const string ForwardedToDiscipline = "forwarded-to-discipline";
    public const string GuidedToLegalProcedure = "guided-to-legal-procedure";
    public const string Declined = "declined";
    public const string AwaitingRoutingDecision = "awaiting-routing-decision";
    public const string Accepted = "accepted";
    public const string Extended = "extended";

    /// <summary>The reviewing unit held a hearing (听证); the step's due date is the answer's new one.</summary>
    public const string HearingHeld = "hearing-held";
    public const string Answered = "answered";
    public const string Evaluated = "evaluated";
    public const string ReviewRequested = "review-requested";
    public const string ReReviewRequested = "re-review-requested";
    public const string Terminated = "terminated";

    /// <summary>A holiday notice loaded at run time moved a running clock; the step's due date is the clock's new one.</summary>
    public const string DueDateChanged = "due-date-changed";

    /// <summary>The step a routing decision shows as; a mode this service does not know yet shows under its own name.</summary>
    public static string ForRoutingMode(string mode) => mode switch
    {
        RoutingModes.Transfer => Transferred,
        RoutingModes.Assign => Assigned,
        RoutingModes.ForwardToDiscipline => ForwardedToDiscipline,
        RoutingModes.GuideToLegal => GuidedToLegalProcedure,
        _ => mode,
    };
}
