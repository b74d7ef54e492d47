using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Api;

/// <summary>
/// Who may read supervision's views (ACCESS.md): a petition's ledger, the region's backlog and indicators are the
/// bureaus' over that region; a report's ledger is discipline's over it only; a unit's notices are the unit's own and
/// its overseers'. The joint conference over a region reads its escalations and disputes: the ledger of a matter that
/// was escalated or disputed, those matters in the backlog, escalation and dispute notices; no indicators. A petition
/// out of reach answers as one that does not exist.
/// </summary>
public sealed class SupervisionAccess(SupervisionDbContext db, Jurisdiction jurisdiction)
{
    /// <summary>
    /// Whether the caller may read the petition's ledger. Its region and kind come from its registration; a linked
    /// duplicate is judged by the petition it duplicates; before the registration has arrived (case events can overtake
    /// it), by the unit that holds it (<paramref name="progress"/>).
    /// </summary>
    public async Task<bool> CanReadPetitionAsync(Caller caller, Guid petitionId, CancellationToken ct, PetitionProgress? progress = null)
    {
        var petition = await RegisteredAsync(petitionId, ct);
        if (petition is null && await db.Set<PetitionLink>().AsNoTracking().Where(l => l.PetitionId == petitionId)
                .Select(l => (Guid?)l.OriginalPetitionId).FirstOrDefaultAsync(ct) is { } original)
        {
            petition = await RegisteredAsync(original, ct);
        }

        if (petition is null && OrgId.TryParse(progress?.ResponsibleOrgId ?? progress?.CurrentOrgId, out var holder))
        {
            petition = (progress!.Confidential ? PetitionKinds.Report : PetitionKinds.Complaint, holder.Region.Value);
        }

        if (petition is not { } found)
        {
            return false;
        }

        if (PetitionKinds.IsConfidential(found.Kind))
        {
            return caller.IsDisciplineUnit && await jurisdiction.CoversAsync(caller, found.RegionCode, ct);
        }

        return caller.HasAny(AccessRoles.Overseers) && await jurisdiction.CoversAsync(caller, found.RegionCode, ct)
            && (caller.Has(AccessRoles.Bureau) || await IsEscalatedOrDisputedAsync(petitionId, ct));
    }

    /// <summary>The joint conference's matters: escalated up the chain, or disputed between units (a decision was required).</summary>
    public async Task<bool> IsEscalatedOrDisputedAsync(Guid petitionId, CancellationToken ct) =>
        await db.Notices.AnyAsync(n => n.PetitionId == petitionId && (n.Kind == NoticeKinds.Escalation || n.Stage == LedgerStages.RoutingDecision), ct)
        || await db.LedgerEvents.AnyAsync(e => e.PetitionId == petitionId && e.Type == nameof(RoutingDecisionRequired), ct);

    /// <summary>Whether the caller sees only escalations and disputes of what it oversees (the joint conference).</summary>
    public static bool SeesOnlyEscalationsAndDisputes(Caller caller) => !caller.Has(AccessRoles.Bureau) && caller.Has(AccessRoles.JointConference);

    /// <summary>A notice the caller may read about a unit it oversees: all of them, or for the joint conference its kind of matter.</summary>
    public static bool MayShowNotice(Caller caller, SupervisionNotice notice) =>
        !SeesOnlyEscalationsAndDisputes(caller) || caller.Is(notice.OrgId) || notice.CopiedToOrgIds.Contains(caller.Org.ToString())
        || notice.Kind == NoticeKinds.Escalation || notice.Stage == LedgerStages.RoutingDecision;

    private async Task<(string Kind, string RegionCode)?> RegisteredAsync(Guid petitionId, CancellationToken ct) =>
        await db.LedgerPetitions.AsNoTracking().Where(p => p.PetitionId == petitionId)
            .Select(p => new { p.Kind, p.RegionCode }).SingleOrDefaultAsync(ct) is { } row ? (row.Kind, row.RegionCode) : null;

    /// <summary>A region's backlog (filtered for the joint conference) and a unit's notices: for those who oversee it.</summary>
    public async Task<bool> OverseesAsync(Caller caller, string regionCode, CancellationToken ct) =>
        caller.HasAny(AccessRoles.Overseers) && await jurisdiction.CoversAsync(caller, regionCode, ct);

    /// <summary>A region's indicators: the bureaus' over it.</summary>
    public async Task<bool> ReadsIndicatorsAsync(Caller caller, string regionCode, CancellationToken ct) =>
        caller.Has(AccessRoles.Bureau) && await jurisdiction.CoversAsync(caller, regionCode, ct);

    /// <summary>Whether a unit lies in the region: by the directory's parent links, never by the code's prefix.</summary>
    public Task<bool> IsInRegionAsync(OrgId unit, RegionCode region, CancellationToken ct) => jurisdiction.CoversAsync(region, unit.Region.Value, ct);

    /// <summary>A unit's notices: the unit itself, or who oversees its region; a discipline unit's only discipline's.</summary>
    public async Task<bool> CanReadNoticesAsync(Caller caller, OrgId unit, CancellationToken ct)
    {
        if (caller.Is(unit.ToString()) && caller.HasAny(AccessRoles.Organisations))
        {
            return true;
        }

        return unit.Unit == Units.Discipline
            ? caller.IsDisciplineUnit && await jurisdiction.CoversAsync(caller, unit.Region.Value, ct)
            : await OverseesAsync(caller, unit.Region.Value, ct);
    }

    /// <summary>Whether a backlog entry at this unit may be shown: a report's clock is discipline's to see.</summary>
    public static bool MayShowClockOf(Caller caller, string orgId) =>
        !OrgId.TryParse(orgId, out var unit) || unit.Unit != Units.Discipline || caller.IsDisciplineUnit;
}
