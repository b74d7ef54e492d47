using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Api;

/// <summary>
/// <c>GET /api/routing/petitions/{id}</c>: the latest decision in API.md's shape, extended with the attempt, the
/// responsible unit's name, who decided, the legal route or report-back date where they apply, the earlier decisions
/// (<c>history</c>, oldest first) and, while a superior must decide, <c>awaitingDecisionBy</c> and the date
/// <c>decideBy</c> by which it is to decide.
/// </summary>
public sealed record PetitionRoutingResponse(
    Guid PetitionId,
    string Mode,
    string ResponsibleOrgId,
    string ResponsibleOrgName,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> CoHandlerOrgIds,
    string Rule,
    DateTimeOffset DecidedAt,
    string DecidedBy,
    int Attempt,
    bool Confidential,
    string? LegalRoute,
    DateTimeOffset? ReportBackDueBy,
    string? AwaitingDecisionBy,
    string? AwaitingReason,
    DateTimeOffset? DecideBy,
    IReadOnlyList<DecisionResponse> History)
{
    public static PetitionRoutingResponse From(RoutingRequest request, IReadOnlyList<RoutingDecision> decisions)
    {
        var latest = decisions[^1];
        return new(
            latest.PetitionId, latest.Mode, latest.ResponsibleOrgId, latest.ResponsibleOrgName, latest.Path, latest.CoHandlerOrgIds,
            latest.Rule, latest.DecidedAt, latest.DecidedBy, latest.Attempt, latest.Confidential, latest.LegalRoute, latest.ReportBackDueBy,
            request.AwaitingDecisionBy, request.AwaitingReason,
            request.DecideBy?.ToOffset(StatutoryCalendar.ChinaOffset), [.. decisions.SkipLast(1).Select(DecisionResponse.From)]);
    }
}

public sealed record DecisionResponse(
    int Attempt, string Mode, string ResponsibleOrgId, IReadOnlyList<string> Path, string Rule, DateTimeOffset DecidedAt, string DecidedBy)
{
    public static DecisionResponse From(RoutingDecision d) => new(d.Attempt, d.Mode, d.ResponsibleOrgId, d.Path, d.Rule, d.DecidedAt, d.DecidedBy);
}

/// <summary>The body of <c>POST …/reroute</c>; strings so that a missing field is named rather than failing to bind.</summary>
public sealed record RerouteRequest(string? ToOrgId, string? Reason, string? By);
