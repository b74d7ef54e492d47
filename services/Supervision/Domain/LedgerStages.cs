namespace PetitionPlatform.Supervision.Domain;

/// <summary>The statutory clocks the ledger keeps (DOMAIN.md §5): one for the petition, three per case.</summary>
public static class LedgerStages
{
    /// <summary>The receiving bureau must route the petition within 15 days of registration.</summary>
    public const string IntakeDecision = "intake-decision";

    /// <summary>The case's unit must accept or decline by the acceptance deadline.</summary>
    public const string Acceptance = "acceptance";

    /// <summary>The unit must answer by the handling deadline (moved once by an extension).</summary>
    public const string Handling = "handling";

    /// <summary>An assigned matter must be reported back (answered) by its report-back date.</summary>
    public const string ReportBack = "report-back";

    /// <summary>The unit one level above answers the petitioner's review request (复查) within 30 days.</summary>
    public const string Review = "review";

    /// <summary>The unit above the reviewer answers the re-review request (复核) within 30 days.</summary>
    public const string ReReview = "re-review";

    /// <summary>
    /// A disputed matter (no unit left that will take it): the common superior or the joint conference must decide who
    /// handles it by routing's <c>DecideBy</c>. Not a statutory period but the platform's own (Routing:DisputeDecisionPeriod).
    /// </summary>
    public const string RoutingDecision = "routing-decision";

    /// <summary>Orders stages that start at the same instant in the order the law runs them.</summary>
    public static int Order(string stage) => stage switch
    {
        IntakeDecision => 0,
        Acceptance => 1,
        Handling => 2,
        ReportBack => 3,
        Review => 4,
        ReReview => 5,
        RoutingDecision => 6,
        _ => 7,
    };
}
