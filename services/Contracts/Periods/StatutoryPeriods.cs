namespace PetitionPlatform.Contracts.Periods;

/// <summary>The periods of the Regulation on Petition Work, in calendar days (DOMAIN.md §5).</summary>
public static class StatutoryPeriods
{
    /// <summary>Art. 21–22: the bureau decides to transfer, assign or not accept.</summary>
    public const int IntakeDecisionDays = 15;

    /// <summary>The responsible unit decides whether it accepts a transferred or assigned matter.</summary>
    public const int AcceptanceDays = 15;

    /// <summary>Art. 34: handling, from acceptance.</summary>
    public const int HandlingDays = 60;

    /// <summary>Art. 34: one extension, approved by the unit's head.</summary>
    public const int MaxExtensionDays = 30;

    /// <summary>Art. 35: asking for review (复查) after the answer, and for re-review (复核) after the review answer.</summary>
    public const int ReviewRequestDays = 30;

    /// <summary>Art. 35–36: answering a review or a re-review.</summary>
    public const int ReviewAnswerDays = 30;
}
