using Microsoft.EntityFrameworkCore;
using Npgsql;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Data;

/// <summary>
/// Keeps each petition's part in the indicators (<c>indicator_facts</c>) and their sums per region and day of
/// registration (<c>indicator_days</c>), so that a request over years of petitions adds up days instead of judging
/// every petition (migration 0007, docs/supervision.md "Indicators at scale").
/// </summary>
public sealed class IndicatorFactsStore(SupervisionDbContext db)
{
    private static readonly string s_factColumns =
        $"petition_id, region_code, registered_at, {IndicatorColumns.List()}, acceptance_open_dues, handling_open_dues, earliest_open_due, late_since, last_answered_at";

    /// <summary>
    /// Writes the petitions' parts and adds what changed to the sums of their days. Inside the caller's transaction,
    /// which must hold the petitions' <c>clock_watch</c> rows locked, so that two writers of one petition take turns
    /// and each adds the change from the part the other left.
    /// </summary>
    public async Task WriteAsync(IReadOnlyCollection<PetitionIndicators> parts, CancellationToken ct)
    {
        if (parts.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Indicator parts are written inside the transaction that locks their petitions.");
        }

        var before = await StoredAsync([.. parts.Select(p => p.PetitionId)], ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var batch = new NpgsqlBatch(connection))
        {
            var values = string.Join(", ", Enumerable.Range(1, 24).Select(i => $"${i}"));
            var updates = string.Join(", ", s_factColumns.Split(", ").Skip(1).Select(c => $"{c} = excluded.{c}"));
            foreach (var part in parts)
            {
                var command = new NpgsqlBatchCommand(
                    $"INSERT INTO indicator_facts ({s_factColumns}) VALUES ({values}) ON CONFLICT (petition_id) DO UPDATE SET {updates}");
                command.Parameters.Add(new NpgsqlParameter { Value = part.PetitionId });
                command.Parameters.Add(new NpgsqlParameter { Value = part.RegionCode });
                command.Parameters.Add(new NpgsqlParameter { Value = part.RegisteredAt.ToUniversalTime() });
                foreach (var number in part.Base.ToNumbers())
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = number });
                }

                command.Parameters.Add(new NpgsqlParameter { Value = part.AcceptanceOpenDues.Select(d => d.ToUniversalTime()).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = part.HandlingOpenDues.Select(d => d.ToUniversalTime()).ToArray() });
                command.Parameters.Add(Instant(part.EarliestOpenDue));
                command.Parameters.Add(Instant(part.LateSince));
                command.Parameters.Add(Instant(part.LastAnsweredAt));
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(ct);
        }

        await AddToDaysAsync(parts, before, ct);
    }

    /// <summary>The parts last written for those of <paramref name="petitionIds"/> that have one.</summary>
    public async Task<Dictionary<Guid, PetitionIndicators>> StoredAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct)
    {
        var stored = new Dictionary<Guid, PetitionIndicators>();
        if (petitionIds.Count == 0)
        {
            return stored;
        }

        await using var command = await CommandAsync($"SELECT {s_factColumns} FROM indicator_facts WHERE petition_id = ANY($1)", ct);
        command.Parameters.Add(new NpgsqlParameter { Value = petitionIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var part = ReadPart(reader);
            stored[part.PetitionId] = part;
        }

        return stored;
    }

    /// <summary>Reads a row selected as <c>SELECT {FactColumns}</c>.</summary>
    internal static PetitionIndicators ReadPart(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetFieldValue<DateTimeOffset>(2),
        IndicatorColumns.ReadCounts(reader, 3),
        reader.GetFieldValue<DateTimeOffset[]>(19),
        reader.GetFieldValue<DateTimeOffset[]>(20),
        reader.IsDBNull(21) ? null : reader.GetFieldValue<DateTimeOffset>(21),
        reader.IsDBNull(22) ? null : reader.GetFieldValue<DateTimeOffset>(22),
        reader.IsDBNull(23) ? null : reader.GetFieldValue<DateTimeOffset>(23));

    /// <summary>The columns <see cref="ReadPart"/> reads, in its order.</summary>
    internal static string FactColumns => s_factColumns;

    /// <summary>A command on the context's connection, which the caller's transaction (if any) already holds open.</summary>
    internal async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        return new NpgsqlCommand(sql, connection);
    }

    /// <summary>
    /// Adds each petition's change (its new counts less those it had) to the sums of its region and day, in the order of
    /// region and day, so that concurrent writers lock the rows of one day in one order.
    /// </summary>
    private async Task AddToDaysAsync(IReadOnlyCollection<PetitionIndicators> parts, Dictionary<Guid, PetitionIndicators> before, CancellationToken ct)
    {
        var changes = parts
            .Select(p => (p.RegionCode, Day: p.RegisteredOn, Change: p.Base - (before.GetValueOrDefault(p.PetitionId)?.Base ?? IndicatorSet.Empty)))
            .GroupBy(c => (c.RegionCode, c.Day))
            .Select(g => (g.Key.RegionCode, g.Key.Day, Change: g.Aggregate(IndicatorSet.Empty, (sum, c) => sum + c.Change).ToNumbers()))
            .Where(c => c.Change.Any(n => n != 0))
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var columns = IndicatorColumns.Names;
        var arrays = string.Join(", ", columns.Select((_, i) => $"${i + 3}::int[]"));
        var additions = string.Join(", ", columns.Select(c => $"{c} = indicator_days.{c} + excluded.{c}"));
        await using var command = await CommandAsync($"""
            INSERT INTO indicator_days (region_code, day, {IndicatorColumns.List()})
            SELECT * FROM unnest($1::text[], $2::date[], {arrays}) ORDER BY 1, 2
            ON CONFLICT (region_code, day) DO UPDATE SET {additions}
            """, ct);
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.RegionCode).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Day).ToArray() });
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = changes.Select(c => c.Change[i]).ToArray() });
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Instant(DateTimeOffset? instant) =>
        new() { Value = instant is { } value ? value.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz };
}
