namespace PetitionPlatform.Handling.Domain;

/// <summary>The status of a case, as the public API spells it (API.md, Handling).</summary>
public static class CaseStatuses
{
    public const string AwaitingAcceptance = "awaiting-acceptance";
    public const string InProgress = "in-progress";
    public const string Answered = "answered";
    public const string Evaluated = "evaluated";
    public const string Closed = "closed";
    public const string Declined = "declined";

    /// <summary>The petitioner asked for a review of this case's answer; the superior's case carries the matter on.</summary>
    public const string ReviewRequested = "review-requested";

    public static readonly IReadOnlyList<string> All = [AwaitingAcceptance, InProgress, Answered, Evaluated, Closed, Declined, ReviewRequested];
}
