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

    public static readonly IReadOnlyList<string> All = [AwaitingAcceptance, InProgress, Answered, Evaluated, Closed, Declined];
}
