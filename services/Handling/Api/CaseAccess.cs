using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Domain;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Handling.Api;

/// <summary>
/// Who may see and act on a case (ACCESS.md): its lead unit and, but for a report, its co-handlers; a petition bureau
/// over the region where the matter arose; for a report only the discipline unit it went to and those above it. Only
/// the lead unit acts on a case — a unit (or discipline) on an original case, a reviewer on a review — and a co-handler
/// adds findings. A case the caller may not see answers as one that does not exist.
/// </summary>
public sealed class CaseAccess(HandlingDbContext db, Jurisdiction jurisdiction)
{
    /// <summary>Roles that handle cases of their own organisation.</summary>
    private static readonly string[] s_handlers = [AccessRoles.Unit, AccessRoles.Reviewer, AccessRoles.Discipline];

    public async Task<bool> CanReadAsync(Caller caller, Case found, CancellationToken ct)
    {
        if (IsParticipant(caller, found))
        {
            return true;
        }

        if (found.Confidential)
        {
            return await DisciplineCoversAsync(caller, found.OrgId, ct);
        }

        if (!caller.Has(AccessRoles.Bureau))
        {
            return false;
        }

        var region = await db.KnownPetitions.AsNoTracking().Where(p => p.PetitionId == found.PetitionId)
            .Select(p => p.RegionCode).SingleOrDefaultAsync(ct);
        return await jurisdiction.CoversAsync(caller, region ?? OrgId.Parse(found.OrgId).Region.Value, ct);
    }

    public Task<Case?> FindAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);

    /// <summary>
    /// A petition with no case yet (not routed, or guided to a legal procedure) shows as an empty list to whoever would
    /// see its cases from above: the bureau over its region, or for a report discipline over it.
    /// </summary>
    public async Task<bool> CanSeeUnroutedAsync(Caller caller, Guid petitionId, CancellationToken ct)
    {
        var petition = await db.KnownPetitions.AsNoTracking().SingleOrDefaultAsync(p => p.PetitionId == petitionId, ct);
        if (petition is null)
        {
            return false;
        }

        var role = PetitionKinds.IsConfidential(petition.Kind) ? AccessRoles.Discipline : AccessRoles.Bureau;
        return (role == AccessRoles.Bureau ? caller.Has(role) : caller.IsDisciplineUnit)
            && await jurisdiction.CoversAsync(caller, petition.RegionCode, ct);
    }

    /// <summary>The lead unit, with the role its stage needs: accept, decline, extend, answer, co-handlers, hearings.</summary>
    public static bool CanAct(Caller caller, Case found) =>
        caller.Is(found.OrgId) && (found.Stage == CaseStages.Original
            ? caller.HasAny(AccessRoles.Unit, AccessRoles.Discipline)
            : caller.HasAny(AccessRoles.Reviewer, AccessRoles.Discipline));

    /// <summary>The lead or a co-handler adds findings, in its own name.</summary>
    public static bool IsParticipant(Caller caller, Case found) =>
        caller.HasAny(s_handlers) && found.IsHandledBy(caller.Org.ToString());

    /// <summary>
    /// Whether the caller may list the unit's cases: its own, or as a bureau those of a unit in its region, or as
    /// discipline those of a discipline unit in its region. Null when it may not; else whether reports are included.
    /// </summary>
    public async Task<bool?> CanListAsync(Caller caller, OrgId unit, CancellationToken ct)
    {
        if (caller.Is(unit.ToString()) && caller.HasAny(AccessRoles.Organisations))
        {
            return caller.Has(AccessRoles.Discipline);
        }

        if (unit.Unit == Units.Discipline && await DisciplineCoversAsync(caller, unit.ToString(), ct))
        {
            return true;
        }

        return caller.Has(AccessRoles.Bureau) && await jurisdiction.CoversAsync(caller, unit.Region.Value, ct) ? false : null;
    }

    private async Task<bool> DisciplineCoversAsync(Caller caller, string orgId, CancellationToken ct) =>
        caller.IsDisciplineUnit
        && OrgId.TryParse(orgId, out var unit) && unit.Unit == Units.Discipline
        && await jurisdiction.CoversAsync(caller, unit.Region.Value, ct);
}
