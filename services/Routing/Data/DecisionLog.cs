using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Data;

/// <summary>
/// Keeps a petition's decisions and announces each one: the row, PetitionRouted and the audit entry commit together (outbox).
/// </summary>
public static class DecisionLog
{
    public static Task<List<RoutingDecision>> HistoryAsync(this RoutingDbContext db, Guid petitionId, CancellationToken cancellationToken) =>
        db.RoutingDecisions.Where(d => d.PetitionId == petitionId).OrderBy(d => d.Attempt).ToListAsync(cancellationToken);

    public static RoutingDecision Record(
        this RoutingDbContext db, RoutingRequest request, int attempt, RoutePlan route, string decidedBy, DateTimeOffset at, TimeProvider time,
        AuditTrail audit)
    {
        var decision = RoutingDecision.From(request.PetitionId, attempt, route, decidedBy, at);
        db.RoutingDecisions.Add(decision);
        request.AwaitingDecisionBy = null;
        request.AwaitingReason = null;
        request.DecideBy = null;
        request.AwaitingSince = null;
        // Written even when it was already null, so the row's version is checked: a decision made from a stale read
        // loses to the one made at the same moment.
        if (db.Entry(request).State is EntityState.Unchanged or EntityState.Modified)
        {
            db.Entry(request).Property(r => r.AwaitingDecisionBy).IsModified = true;
        }
        db.AddToOutbox(new PetitionRouted(
            request.PetitionId,
            decidedBy,
            route.Mode,
            route.Responsible.Id,
            route.Responsible.Name,
            route.Path,
            route.CoHandlerOrgIds,
            route.Rule,
            route.Confidential,
            attempt,
            route.ReportBackDueBy,
            route.LegalRoute,
            at), time);
        // Any later attempt moves the matter: an overseer's reroute (their client is recorded) or a decline's suggestion
        // taken by routing itself (the platform is).
        audit.Record(attempt == 0 ? AuditActions.PetitionRouted : AuditActions.PetitionRerouted, request.PetitionId);
        return decision;
    }
}
