namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// Where a petition stands, as the petitioner's progress view and the ledger say it. Derived from the latest
/// lifecycle event; the list is documented in docs/supervision.md and is the whole vocabulary.
/// </summary>
public static class ProgressStatuses
{
    /// <summary>Registered; the bureau has not decided where it goes.</summary>
    public const string Registered = "registered";

    /// <summary>Transferred, assigned or forwarded to a unit, which has not yet accepted it.</summary>
    public const string Routed = "routed";

    /// <summary>Belongs to litigation: the petitioner is directed to the court's procedure; no case is opened.</summary>
    public const string GuidedToLegalProcedure = "guided-to-legal-procedure";

    /// <summary>A unit declined it; routing (or the common superior) must decide again.</summary>
    public const string AwaitingRoutingDecision = "awaiting-routing-decision";

    /// <summary>Accepted by the responsible unit and being handled.</summary>
    public const string InProgress = "in-progress";

    /// <summary>Being handled on an extended handling period.</summary>
    public const string Extended = "extended";

    /// <summary>The written answer was given.</summary>
    public const string Answered = "answered";

    /// <summary>The petitioner rated the answer.</summary>
    public const string Evaluated = "evaluated";

    /// <summary>The petitioner asked for a review; the unit one level above is reviewing the answer.</summary>
    public const string UnderReview = "under-review";

    /// <summary>The petitioner asked for a re-review; the unit above the reviewer is re-reviewing.</summary>
    public const string UnderReReview = "under-re-review";

    /// <summary>Concluded (终结): the re-review was answered or a political-legal organ recorded the termination.</summary>
    public const string Terminated = "terminated";
}
