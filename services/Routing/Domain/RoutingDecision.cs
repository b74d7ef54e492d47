namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// One decision about a petition, kept forever: attempt 0 is the first routing, each decline or reroute adds the
/// next. The latest is the petition's current route; the earlier ones are its history.
/// </summary>
public sealed class RoutingDecision
{
    public Guid PetitionId { get; init; }

    public int Attempt { get; init; }

    public required string Mode { get; init; }

    public required string ResponsibleOrgId { get; init; }

    public required string ResponsibleOrgName { get; init; }

    public required List<string> Path { get; init; }

    public required List<string> CoHandlerOrgIds { get; init; }

    public required string Rule { get; init; }

    public string? LegalRoute { get; init; }

    public DateTimeOffset? ReportBackDueBy { get; init; }

    public bool Confidential { get; init; }

    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>The bureau or superior that decided: the receiving unit first, then the decliner's superior or the rerouter.</summary>
    public required string DecidedBy { get; init; }

    public static RoutingDecision From(Guid petitionId, int attempt, RoutePlan route, string decidedBy, DateTimeOffset at) => new()
    {
        PetitionId = petitionId,
        Attempt = attempt,
        Mode = route.Mode,
        ResponsibleOrgId = route.Responsible.Id,
        ResponsibleOrgName = route.Responsible.Name,
        Path = [.. route.Path],
        CoHandlerOrgIds = [.. route.CoHandlerOrgIds],
        Rule = route.Rule,
        LegalRoute = route.LegalRoute,
        // PostgreSQL's timestamptz takes UTC only; the instant is the same.
        ReportBackDueBy = route.ReportBackDueBy,
        Confidential = route.Confidential,
        DecidedAt = at,
        DecidedBy = decidedBy,
    };

    /// <summary>The decision as the rules see it, with the responsible unit looked up again in the directory.</summary>
    public RoutePlan ToRoute(OrgDirectory directory) => new(
        Mode,
        directory.FindOrganization(ResponsibleOrgId) ?? throw new InvalidOperationException($"{ResponsibleOrgId} left the directory."),
        Path,
        CoHandlerOrgIds,
        Confidential,
        Rule,
        LegalRoute,
        ReportBackDueBy);
}
