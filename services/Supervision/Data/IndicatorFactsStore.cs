using Microsoft.EntityFrameworkCore;
using Npgsql;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Data;

/// <summary>
/// Keeps each petition's part in the indicators (<c>indicator_facts</c>; with its open deadlines in
/// <c>indicator_open</c> while a clock is open) and their sums per region and day of registration
/// (<c>indicator_days</c>, <c>indicator_months</c>), so that a request over years of petitions adds up days instead of judging every petition
/// (migration 0007, docs/supervision.md "Indicators at scale").
/// </summary>
public sealed class IndicatorFactsStore(SupervisionDbContext db)
{
    /// <summary>The columns of <c>indicator_facts</c>; <c>indicator_open</c> has these, then <see cref="s_openOnly"/>.</summary>
    private static readonly string s_factColumns = $"petition_id, region_code, registered_at, {IndicatorColumns.List()}";

    private static readonly string[] s_openOnly = ["acceptance_open_dues", "handling_open_dues", "earliest_open_due", "late_since", "last_answered_at"];

    /// <summary>The columns <see cref="ReadOpenPart"/> reads, in its order.</summary>
    internal static string OpenColumns { get; } = $"{s_factColumns}, {string.Join(", ", s_openOnly)}";

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
            foreach (var part in parts)
            {
                batch.BatchCommands.Add(Upsert("indicator_facts", s_factColumns, FactValues(part)));
                if (!part.IsSettled)
                {
                    batch.BatchCommands.Add(Upsert("indicator_open", OpenColumns, [.. FactValues(part), .. OpenValues(part)]));
                }
            }

            var settled = new NpgsqlBatchCommand("DELETE FROM indicator_open WHERE petition_id = ANY($1)");
            settled.Parameters.Add(new NpgsqlParameter { Value = parts.Where(p => p.IsSettled).Select(p => p.PetitionId).ToArray() });
            batch.BatchCommands.Add(settled);
            await batch.ExecuteNonQueryAsync(ct);
        }

        await AddToSumsAsync(parts, before, ct);
    }

    /// <summary>The counts last written (the part's <see cref="PetitionIndicators.Base"/>) for those of <paramref name="petitionIds"/> that have one.</summary>
    public async Task<Dictionary<Guid, RegionCounts>> StoredAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct)
    {
        var stored = new Dictionary<Guid, RegionCounts>();
        if (petitionIds.Count == 0)
        {
            return stored;
        }

        await using var command = await CommandAsync($"SELECT {s_factColumns} FROM indicator_facts WHERE petition_id = ANY($1)", ct);
        command.Parameters.Add(new NpgsqlParameter { Value = petitionIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored[reader.GetGuid(0)] = new RegionCounts(reader.GetString(1), IndicatorColumns.ReadCounts(reader, 3));
        }

        return stored;
    }

    /// <summary>Reads a row of <c>indicator_open</c> selected as <c>SELECT {OpenColumns}</c>.</summary>
    internal static PetitionIndicators ReadOpenPart(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetFieldValue<DateTimeOffset>(2),
        IndicatorColumns.ReadCounts(reader, 3),
        reader.GetFieldValue<DateTimeOffset[]>(19),
        reader.GetFieldValue<DateTimeOffset[]>(20),
        reader.GetFieldValue<DateTimeOffset>(21),
        reader.IsDBNull(22) ? null : reader.GetFieldValue<DateTimeOffset>(22),
        reader.IsDBNull(23) ? null : reader.GetFieldValue<DateTimeOffset>(23));

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

    private static NpgsqlBatchCommand Upsert(string table, string columns, IReadOnlyList<object> values)
    {
        var names = columns.Split(", ");
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => $"${i + 1}"))}) " +
            $"ON CONFLICT (petition_id) DO UPDATE SET {string.Join(", ", names.Skip(1).Select(c => $"{c} = excluded.{c}"))}");
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static List<object> FactValues(PetitionIndicators part) =>
        [part.PetitionId, part.RegionCode, part.RegisteredAt.ToUniversalTime(), .. part.Base.ToNumbers().Cast<object>()];

    private static List<object> OpenValues(PetitionIndicators part) =>
    [
        part.AcceptanceOpenDues.Select(d => d.ToUniversalTime()).ToArray(),
        part.HandlingOpenDues.Select(d => d.ToUniversalTime()).ToArray(),
        Instant(part.EarliestOpenDue),
        Instant(part.LateSince),
        Instant(part.LastAnsweredAt),
    ];

    /// <summary>
    /// Adds each petition's change (its new counts less those it had) to the sums of its region and day and of its region
    /// and month, in the order of region and date, so that concurrent writers lock the rows of one day in one order.
    /// </summary>
    private async Task AddToSumsAsync(IReadOnlyCollection<PetitionIndicators> parts, Dictionary<Guid, RegionCounts> before, CancellationToken ct)
    {
        var changes = parts
            .Select(p => (p.RegionCode, Day: p.RegisteredOn, Change: p.Base - (before.GetValueOrDefault(p.PetitionId)?.Counts ?? IndicatorSet.Empty)))
            .Where(c => c.Change != IndicatorSet.Empty)
            .ToList();
        await AddAsync("indicator_days", "day", changes, ct);
        await AddAsync("indicator_months", "month", [.. changes.Select(c => c with { Day = PeriodDays.MonthOf(c.Day) })], ct);
    }

    private async Task AddAsync(string table, string dateColumn, List<(string RegionCode, DateOnly Day, IndicatorSet Change)> changes, CancellationToken ct)
    {
        var sums = changes
            .GroupBy(c => (c.RegionCode, c.Day))
            .Select(g => (g.Key.RegionCode, g.Key.Day, Change: g.Aggregate(IndicatorSet.Empty, (sum, c) => sum + c.Change).ToNumbers()))
            .ToList();
        if (sums.Count == 0)
        {
            return;
        }

        var columns = IndicatorColumns.Names;
        var arrays = string.Join(", ", columns.Select((_, i) => $"${i + 3}::int[]"));
        var additions = string.Join(", ", columns.Select(c => $"{c} = {table}.{c} + excluded.{c}"));
        await using var command = await CommandAsync($"""
            INSERT INTO {table} (region_code, {dateColumn}, {IndicatorColumns.List()})
            SELECT * FROM unnest($1::text[], $2::date[], {arrays}) ORDER BY 1, 2
            ON CONFLICT (region_code, {dateColumn}) DO UPDATE SET {additions}
            """, ct);
        command.Parameters.Add(new NpgsqlParameter { Value = sums.Select(c => c.RegionCode).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = sums.Select(c => c.Day).ToArray() });
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = sums.Select(c => c.Change[i]).ToArray() });
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Instant(DateTimeOffset? instant) =>
        new() { Value = instant is { } value ? value.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz };
}
