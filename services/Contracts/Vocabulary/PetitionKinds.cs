namespace PetitionPlatform.Contracts;

/// <summary>What a petition is (API.md, <c>kind</c>).</summary>
public static class PetitionKinds
{
    /// <summary>投诉请求: a complaint or request about one's own rights.</summary>
    public const string Complaint = "complaint";

    /// <summary>检举控告: a report of misconduct, handled confidentially by discipline inspection (Regulation art. 23).</summary>
    public const string Report = "report";

    /// <summary>意见建议: a suggestion, sent to the department its sub-topic names.</summary>
    public const string Suggestion = "suggestion";

    public static readonly IReadOnlyList<string> All = [Complaint, Report, Suggestion];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);

    /// <summary>Reports are confidential: only discipline inspection sees them, and no other unit hears of them.</summary>
    public static bool IsConfidential(string? kind) => kind == Report;
}
