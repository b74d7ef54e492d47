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

        // Raw SQL for the upsert; it must share the transaction that commits the event, or the evaluation could judge
        // the petition without it and clear the mark. Consumers run in the inbox's.
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A ledger event is recorded inside a transaction.");
        }

        // A registration that repeats an earlier petition changes that one's part in the indicators too (it came back),
        // so both are marked, in the order of their ids so that two such registrations cannot deadlock. The check for
        // the same event already kept rides in the same statement: nothing is marked, and nothing is added, when it is.
        Guid[] marked = @event is PetitionRegistered { RepeatOfPetitionId: { } earlier } && earlier != row.PetitionId
            ? [row.PetitionId, earlier]
            : [row.PetitionId];
        var markedRows = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO clock_watch (petition_id, changed, revision)
            SELECT id, true, 1 FROM unnest({marked}) AS v(id)
            WHERE NOT EXISTS (SELECT 1 FROM ledger_events WHERE fingerprint = {row.Fingerprint})
            ORDER BY id
            ON CONFLICT (petition_id) DO UPDATE SET changed = true, revision = clock_watch.revision + 1
            """, ct);
        if (markedRows == 0)
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

    /// <summary>
    /// A page of the petitions that may have a clock open past its deadline at <paramref name="now"/>: those whose
    /// earliest open deadline had passed when last judged, and those changed since; in the order of their ids, after
    /// <paramref name="after"/>, <paramref name="count"/> at most. Petitions with nothing open are never read.
    /// </summary>
    public Task<List<Guid>> PossiblyOverdueAsync(DateTimeOffset now, Guid? after, int count, CancellationToken ct) =>
        db.ClockWatches.AsNoTracking()
            .Where(w => (w.Changed || w.EarliestDue < now) && (after == null || w.PetitionId > after.Value))
            .OrderBy(w => w.PetitionId).Select(w => w.PetitionId).Take(count).ToListAsync(ct);

    /// <summary>The ledgers of the given petitions (those supervision has heard of), rebuilt in one query.</summary>
    public async Task<List<PetitionProgress>> ProgressOfAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct)
    {
        var rows = await db.LedgerEvents.AsNoTracking().Where(e => petitionIds.Contains(e.PetitionId)).ToListAsync(ct);
        return [.. rows.GroupBy(e => e.PetitionId).Select(petition => LedgerProjection.Project(petition.Key, petition.Select(LedgerEventCodec.Decode)))];
    }

    /// <summary>The petition whose query code hashes to <paramref name="trackingCodeHash"/>, if any.</summary>
    public Task<Guid?> PetitionByTrackingCodeAsync(string trackingCodeHash, CancellationToken ct) =>
        db.LedgerPetitions.AsNoTracking()
            .Where(p => p.TrackingCodeHash == trackingCodeHash)
            .Select(p => (Guid?)p.PetitionId)
            .SingleOrDefaultAsync(ct);
}
