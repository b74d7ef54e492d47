using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Domain;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Intake.Handlers;

/// <summary>
/// Who may read a petition at intake, and who may read its petitioner in clear (ACCESS.md rules 3 and 4).
/// <list type="bullet">
/// <item>A report: discipline over its region only, in clear (rule 3 before rule 4: not even the bureau that registered it).</item>
/// <item>Otherwise the record: the registering bureau, the bureaus over the region, and the units its cases are with now.</item>
/// <item>In clear: the registering bureau, and the units its cases are with while the matter is open; the bureaus over
/// the region read it masked.</item>
/// </list>
/// </summary>
public sealed class PersonalDataAccess(IntakeDbContext db, Jurisdiction jurisdiction)
{
    public async Task<bool> MayReadAsync(Caller caller, Petition petition, CancellationToken ct) =>
        PetitionKinds.IsConfidential(petition.Kind)
            ? caller.IsDisciplineUnit && await jurisdiction.CoversAsync(caller, petition.RegionCode, ct)
            : (caller.Has(AccessRoles.Bureau) && (caller.Is(petition.ReceivedBy) || await jurisdiction.CoversAsync(caller, petition.RegionCode, ct)))
              || await HandlesAsync(caller, petition, ct);

    /// <summary>Call after <see cref="MayReadAsync"/> answered yes.</summary>
    public async Task<bool> MayReadInClearAsync(Caller caller, Petition petition, CancellationToken ct) =>
        PetitionKinds.IsConfidential(petition.Kind)
        || (caller.Has(AccessRoles.Bureau) && caller.Is(petition.ReceivedBy))
        || await HandlesAsync(caller, petition, ct);

    /// <summary>One of the petition's cases is with the caller's unit now, and the matter is not concluded.</summary>
    private async Task<bool> HandlesAsync(Caller caller, Petition petition, CancellationToken ct)
    {
        if (!caller.HasAny(AccessRoles.Unit, AccessRoles.Reviewer, AccessRoles.Discipline))
        {
            return false;
        }

        var org = caller.Org.ToString();
        return await db.CaseHandlers.AnyAsync(h => h.PetitionId == petition.Id && h.OrgId == org && h.ReleasedAt == null, ct)
            && !await db.MatterStates.AnyAsync(s => s.PetitionId == petition.Id && s.TerminatedAt != null, ct);
    }
}
