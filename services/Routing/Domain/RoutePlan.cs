namespace PetitionPlatform.Routing.Domain;

/// <summary>The outcome of a routing rule: who must act, how the matter reaches them, and why, in words.</summary>
public sealed record RoutePlan(
    string Mode,
    Organization Responsible,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> CoHandlerOrgIds,
    bool Confidential,
    string Rule,
    string? LegalRoute,
    DateTimeOffset? ReportBackDueBy);
