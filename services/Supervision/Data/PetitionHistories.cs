using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Data;

/// <summary>Registered petitions as the indicators read them: the ledger's entry, every event, and the repeat marks.</summary>
public sealed class PetitionHistories(SupervisionDbContext db, IRepeatRegister repeats)
{
    /// <summary>Petitions per batch of events read, to keep each query's id list and its result small.</summary>
    private const int BatchSize = 500;

    /// <summary>The histories of those of <paramref name="petitionIds"/> whose registration the ledger holds.</summary>
    public async Task<List<PetitionHistory>> OfAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct)
    {
        var histories = new List<PetitionHistory>(petitionIds.Count);
        foreach (var chunk in petitionIds.Chunk(BatchSize))
        {
            var petitions = await db.LedgerPetitions.AsNoTracking().Where(p => chunk.Contains(p.PetitionId)).ToListAsync(ct);
            var ids = petitions.Select(p => p.PetitionId).ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            var events = (await db.LedgerEvents.AsNoTracking().Where(e => ids.Contains(e.PetitionId)).ToListAsync(ct))
                .ToLookup(e => e.PetitionId, LedgerEventCodec.Decode);
            var repeatOf = await repeats.RepeatsOfAsync(ids, ct);
            var repeated = await repeats.RepeatedAsync(ids, ct);
            histories.AddRange(petitions.Select(p => new PetitionHistory(
                p.PetitionId, p.RegionCode, p.Channel, p.RegisteredAt,
                repeatOf.TryGetValue(p.PetitionId, out var earlier) ? earlier : null,
                repeated.Contains(p.PetitionId),
                events[p.PetitionId].ToList())));
        }

        return histories;
    }
}
