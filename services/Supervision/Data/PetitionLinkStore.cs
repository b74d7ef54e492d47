using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Data;

/// <summary>What a ledger shows of a petition's links: what it duplicates or repeats, and what duplicates and repeats it.</summary>
public sealed record LedgerLinks(PetitionLink? Own, IReadOnlyList<PetitionLink> Duplicates, IReadOnlyList<PetitionLink> Repeats);

public static class PetitionLinkStore
{
    public static async Task<LedgerLinks> LinksOfAsync(this SupervisionDbContext db, Guid petitionId, CancellationToken ct)
    {
        var links = await db.Set<PetitionLink>().AsNoTracking()
            .Where(l => l.PetitionId == petitionId || l.OriginalPetitionId == petitionId)
            .OrderBy(l => l.LinkedAt)
            .ToListAsync(ct);
        return new LedgerLinks(
            links.SingleOrDefault(l => l.PetitionId == petitionId),
            [.. links.Where(l => l.OriginalPetitionId == petitionId && l.Kind == PetitionLink.Duplicate)],
            [.. links.Where(l => l.OriginalPetitionId == petitionId && l.Kind == PetitionLink.Repeat)]);
    }

    /// <summary>Adds the link unless it is already known (a second copy of the event under another message id).</summary>
    public static async Task<bool> AddLinkAsync(this SupervisionDbContext db, PetitionLink link, CancellationToken ct)
    {
        if (await db.Set<PetitionLink>().AnyAsync(l => l.PetitionId == link.PetitionId, ct))
        {
            return false;
        }

        db.Add(link);
        return true;
    }
}
