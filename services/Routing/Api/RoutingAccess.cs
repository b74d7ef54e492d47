using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Routing.Api;

/// <summary>
/// Who may see a petition's routing (ACCESS.md): the organisations it passed through, went to or that decided it, the
/// bureau that registered it, the bureaus over the region where it arose, and the joint conference over that region
/// while it is disputed; a report only discipline. Anyone else is answered as if routing knew no such petition.
/// </summary>
public sealed class RoutingAccess(RoutingDbContext db, Jurisdiction jurisdiction)
{
    public async Task<bool> CanReadAsync(Caller caller, Guid petitionId, CancellationToken ct)
    {
        var request = await db.RoutingRequests.AsNoTracking().Where(r => r.PetitionId == petitionId)
            .Select(r => new { r.Kind, r.RegionCode, r.ReceivedBy, r.AwaitingDecisionBy }).SingleOrDefaultAsync(ct);
        if (request is null)
        {
            return false;
        }

        if (PetitionKinds.IsConfidential(request.Kind))
        {
            return caller.IsDisciplineUnit && await jurisdiction.CoversAsync(caller, request.RegionCode, ct);
        }

        if (caller.HasAny(AccessRoles.Organisations))
        {
            var own = caller.Org.ToString();
            var decisions = await db.RoutingDecisions.AsNoTracking().Where(d => d.PetitionId == petitionId)
                .Select(d => new { d.ResponsibleOrgId, d.Path, d.CoHandlerOrgIds, d.DecidedBy }).ToListAsync(ct);
            if (caller.Is(request.ReceivedBy) || caller.Is(request.AwaitingDecisionBy)
                || decisions.Any(d => d.ResponsibleOrgId == own || d.Path.Contains(own) || d.CoHandlerOrgIds.Contains(own) || d.DecidedBy == own))
            {
                return true;
            }
        }

        // The joint conference reads disputes (ACCESS.md), not every matter of its region.
        return (caller.Has(AccessRoles.Bureau) || (caller.Has(AccessRoles.JointConference) && request.AwaitingDecisionBy is not null))
            && await jurisdiction.CoversAsync(caller, request.RegionCode, ct);
    }

    /// <summary>A political-legal organ records terminations of matters that arose in its region.</summary>
    public async Task<bool> MayTerminateAsync(Caller caller, Guid petitionId, CancellationToken ct) =>
        caller.Has(AccessRoles.PoliticalLegal)
        && await db.RoutingRequests.AsNoTracking().Where(r => r.PetitionId == petitionId).Select(r => r.RegionCode).SingleOrDefaultAsync(ct) is { } region
        && await jurisdiction.CoversAsync(caller, region, ct);
}
