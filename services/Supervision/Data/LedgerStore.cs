using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Data;

/// <summary>Keeps a petition's lifecycle events and rebuilds its ledger from them.</summary>
public sealed class LedgerStore(SupervisionDbContext db, TimeProvider time)
{
    /// <summary>
    /// Adds the event to the petition's history unless the same event (by content) is already there; the caller's
    /// SaveChanges commits it. Returns whether it was new.
    /// </summary>
    public async Task<bool> RecordAsync(IPetitionEvent @event, Guid messageId, CancellationToken ct)
    {
        var row = LedgerEventCodec.Encode(@event, messageId, time.GetUtcNow());
        if (await db.LedgerEvents.AnyAsync(e => e.Fingerprint == row.Fingerprint, ct))
        {
            return false;
        }

        db.LedgerEvents.Add(row);
        return true;
    }

    /// <summary>The petition's ledger as of its events so far, or null when supervision has heard nothing of it.</summary>
    public async Task<PetitionProgress?> ProgressAsync(Guid petitionId, CancellationToken ct)
    {
        var rows = await db.LedgerEvents.AsNoTracking().Where(e => e.PetitionId == petitionId).ToListAsync(ct);
        return rows.Count == 0 ? null : LedgerProjection.Project(petitionId, rows.Select(LedgerEventCodec.Decode));
    }

    /// <summary>Every petition's ledger, rebuilt in batches of <paramref name="batchSize"/> petitions to keep memory flat.</summary>
    public async IAsyncEnumerable<PetitionProgress> EveryPetitionAsync(
        int batchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var ids = await db.LedgerEvents.AsNoTracking()
                .Where(e => after == null || e.PetitionId > after.Value)
                .Select(e => e.PetitionId).Distinct().OrderBy(id => id).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                yield break;
            }

            after = ids[^1];
            var rows = await db.LedgerEvents.AsNoTracking().Where(e => ids.Contains(e.PetitionId)).ToListAsync(ct);
            foreach (var petition in rows.GroupBy(e => e.PetitionId))
            {
                yield return LedgerProjection.Project(petition.Key, petition.Select(LedgerEventCodec.Decode));
            }
        }
    }

    /// <summary>The petition whose query code hashes to <paramref name="trackingCodeHash"/>, if any.</summary>
    public Task<Guid?> PetitionByTrackingCodeAsync(string trackingCodeHash, CancellationToken ct) =>
        db.LedgerPetitions.AsNoTracking()
            .Where(p => p.TrackingCodeHash == trackingCodeHash)
            .Select(p => (Guid?)p.PetitionId)
            .SingleOrDefaultAsync(ct);
}
