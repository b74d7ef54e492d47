using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Data;

/// <summary>Reads the petitions an indicator query covers, with their whole event history, from the ledger.</summary>
public sealed class IndicatorsStore(SupervisionDbContext db, IRepeatRegister repeats)
{
    /// <summary>Petitions per batch of events read, to keep each query's id list and its result small.</summary>
    private const int BatchSize = 500;

    /// <summary>
    /// Every petition registered in [<paramref name="from"/>, <paramref name="until"/>) whose region code lies under
    /// <paramref name="regionCode"/> by its GB/T 2260 prefix (the caller confirms the chain with the directory).
    /// </summary>
    public async Task<List<PetitionHistory>> RegisteredAsync(
        string regionCode, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var prefix = RegionCode.Parse(regionCode).SubtreePrefix;
        var petitions = await db.LedgerPetitions.AsNoTracking()
            .Where(p => p.RegionCode.StartsWith(prefix) && p.RegisteredAt >= from && p.RegisteredAt < until)
            .OrderBy(p => p.PetitionId)
            .ToListAsync(ct);

        var histories = new List<PetitionHistory>(petitions.Count);
        foreach (var batch in petitions.Chunk(BatchSize))
        {
            var ids = batch.Select(p => p.PetitionId).ToList();
            var events = (await db.LedgerEvents.AsNoTracking().Where(e => ids.Contains(e.PetitionId)).ToListAsync(ct))
                .ToLookup(e => e.PetitionId, LedgerEventCodec.Decode);
            var repeatOf = await repeats.RepeatsOfAsync(ids, ct);
            var repeated = await repeats.RepeatedAsync(ids, ct);
            histories.AddRange(batch.Select(p => new PetitionHistory(
                p.PetitionId, p.RegionCode, p.Channel, p.RegisteredAt,
                repeatOf.TryGetValue(p.PetitionId, out var earlier) ? earlier : null,
                repeated.Contains(p.PetitionId),
                events[p.PetitionId].ToList())));
        }

        return histories;
    }
}
