using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Data;

/// <summary>
/// The counts of the petitions an indicator request covers, by the region where each matter arose, without judging
/// every petition: the sums of the period's whole months and days, the petitions' parts for the partial days at its ends,
/// the open clocks judged at the request's instant, and the petitions changed since the evaluation last wrote their
/// parts judged from their events (migration 0007).
/// </summary>
public sealed class IndicatorsStore(SupervisionDbContext db, IndicatorFactsStore facts, PetitionHistories histories)
{
    /// <summary>
    /// Every petition registered in [<paramref name="from"/>, <paramref name="until"/>) whose region code lies under
    /// <paramref name="regionCode"/> by its GB/T 2260 prefix (the caller confirms the chain with the directory), counted
    /// as of <paramref name="asOf"/>: several counts per region code, which add up to the region's.
    /// </summary>
    public async Task<List<RegionCounts>> CountsAsync(
        string regionCode, DateTimeOffset from, DateTimeOffset until, DateTimeOffset asOf, CancellationToken ct)
    {
        var like = RegionCode.Parse(regionCode).SubtreePrefix + "%";
        var period = PeriodDays.Of(from, until);
        var counts = new List<RegionCounts>();
        // One snapshot: the sums, the parts and the marks of change must agree with one another.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

        if (period.WholeMonths is var (firstMonth, endMonth))
        {
            counts.AddRange(await SumsAsync("indicator_months", "month", like, firstMonth, endMonth, ct));
        }

        foreach (var (first, end) in period.WholeDays)
        {
            counts.AddRange(await SumsAsync("indicator_days", "day", like, first, end, ct));
        }

        foreach (var (edgeFrom, edgeUntil) in period.Edges)
        {
            counts.AddRange(await SumsAsync("indicator_facts", "registered_at", like, edgeFrom.ToUniversalTime(), edgeUntil.ToUniversalTime(), ct));
        }

        // Petitions whose events the evaluation has not yet judged: their stored part (if any) is out of date.
        await using (var changed = await facts.CommandAsync("""
            SELECT w.petition_id FROM clock_watch w JOIN ledger_petitions p ON p.petition_id = w.petition_id
            WHERE w.changed AND p.region_code LIKE $1 AND p.registered_at >= $2 AND p.registered_at < $3
            """, ct))
        {
            AddRange(changed, like, from, until);
            var stale = new List<Guid>();
            await using (var reader = await changed.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    stale.Add(reader.GetGuid(0));
                }
            }

            var outdated = await facts.StoredAsync(stale, ct);
            counts.AddRange(outdated.Values.Select(part => part with { Counts = IndicatorSet.Empty - part.Counts }));
            counts.AddRange((await histories.OfAsync(stale, ct)).Select(h => new RegionCounts(h.RegionCode, PetitionIndicators.Of(h).At(asOf))));

            // The sums hold each part as if no open clock had passed its deadline; those whose earliest open deadline
            // had passed by the request's instant are judged at it (a later deadline cannot have passed either).
            await using var open = await facts.CommandAsync($"""
                SELECT {IndicatorFactsStore.OpenColumns} FROM indicator_open
                WHERE region_code LIKE $1 AND registered_at >= $2 AND registered_at < $3 AND earliest_open_due < $4
                """, ct);
            AddRange(open, like, from, until);
            open.Parameters.Add(new NpgsqlParameter { Value = asOf.ToUniversalTime() });
            var staleSet = stale.ToHashSet();
            await using var parts = await open.ExecuteReaderAsync(ct);
            while (await parts.ReadAsync(ct))
            {
                var part = IndicatorFactsStore.ReadOpenPart(parts);
                if (!staleSet.Contains(part.PetitionId))
                {
                    counts.Add(new RegionCounts(part.RegionCode, part.At(asOf) - part.Base));
                }
            }
        }

        await transaction.CommitAsync(ct);
        return counts;
    }

    private static void AddRange(NpgsqlCommand command, string like, DateTimeOffset from, DateTimeOffset until)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = like });
        command.Parameters.Add(new NpgsqlParameter { Value = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = until.ToUniversalTime() });
    }

    /// <summary>The counts of <paramref name="table"/> per region code under the prefix, summed over [first, end) of its date column.</summary>
    private async Task<List<RegionCounts>> SumsAsync<T>(string table, string dateColumn, string like, T first, T end, CancellationToken ct)
        where T : notnull
    {
        await using var command = await facts.CommandAsync($"""
            SELECT region_code, {IndicatorColumns.Sums()} FROM {table}
            WHERE region_code LIKE $1 AND {dateColumn} >= $2 AND {dateColumn} < $3 GROUP BY region_code
            """, ct);
        command.Parameters.Add(new NpgsqlParameter { Value = like });
        command.Parameters.Add(new NpgsqlParameter { Value = first });
        command.Parameters.Add(new NpgsqlParameter { Value = end });
        var sums = new List<RegionCounts>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            sums.Add(new RegionCounts(reader.GetString(0), IndicatorColumns.ReadSums(reader, 1)));
        }

        return sums;
    }
}
