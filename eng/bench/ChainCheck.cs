using System.Diagnostics;
using Npgsql;

namespace PetitionPlatform.Bench;

/// <summary>How many petitions reached each point of the chain, and how many more than once.</summary>
/// <param name="After">From the load's start until these counts were read.</param>
internal sealed record ChainCounts(int Petitions, int Cases, int Doubled, int Ledgers, int NewCaseNotices, int Receipts, TimeSpan After)
{
    /// <summary>
    /// Every petition's chain time in milliseconds: from its planned instant to the unit's new-case notice, the last
    /// step of the chain, as notification stamped it. Read once the counts are final.
    /// </summary>
    public IReadOnlyList<double> ChainMs { get; init; } = [];

    /// <summary>Petitions without their case, ledger entry, unit notice or receipt once the chain had time to drain.</summary>
    public int Lost => Petitions - Math.Min(Math.Min(Cases, Ledgers), Math.Min(NewCaseNotices, Receipts));

    public bool Complete => Cases == Petitions && Ledgers == Petitions && NewCaseNotices == Petitions && Receipts == Petitions;
}

/// <summary>
/// Afterwards, every accepted petition is looked for where the chain leaves it, straight in the services' databases
/// (reading tens of thousands through the gateway would measure the checker): one case at the unit (handlingdb), the
/// case in the ledger (supervisiondb), the unit's new-case notice and the petitioner's receipt (notificationdb).
/// Counted again every second until complete or until the chain has stopped moving for a minute.
/// </summary>
internal static class ChainCheck
{
    private static readonly TimeSpan s_stalled = TimeSpan.FromMinutes(1);

    /// <summary>The unit's new-case notice: the chain's last step, counted and timed.</summary>
    private const string UnitNotice = $"template = 'new-case' AND recipient_key = '{PetitionSamples.Unit}'";

    public static async Task<ChainCounts> CountAsync(string server, IReadOnlyList<Accepted> accepted, long loadStartedAt)
    {
        var ids = accepted.Select(a => a.PetitionId).ToArray();
        var lastProgress = Stopwatch.GetTimestamp();
        ChainCounts? previous = null;
        while (true)
        {
            ChainCounts counts;
            try
            {
                counts = await CountOnceAsync(server, ids, Stopwatch.GetElapsedTime(loadStartedAt));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.TooManyConnections && Stopwatch.GetElapsedTime(lastProgress) < s_stalled)
            {
                // The services' pools can hold every connection the server allows while the chain drains: ask again.
                Console.WriteLine("  (the server has no connection to spare for the check; trying again)");
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }

            if (counts.Complete || Stopwatch.GetElapsedTime(lastProgress) > s_stalled)
            {
                return counts with { ChainMs = await ChainTimesAsync(server, accepted) };
            }

            if (previous is null || counts with { After = default } != previous with { After = default })
            {
                lastProgress = Stopwatch.GetTimestamp();
            }

            previous = counts;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<ChainCounts> CountOnceAsync(string server, Guid[] ids, TimeSpan after)
    {
        var cases = await PerPetitionAsync(server, "handlingdb",
            "SELECT 'case', count(*) FROM cases WHERE petition_id = ANY(@ids) GROUP BY petition_id", ids);
        var ledgers = await PerPetitionAsync(server, "supervisiondb",
            "SELECT 'ledger', count(*) FROM ledger_events WHERE petition_id = ANY(@ids) AND type = 'CaseOpened' GROUP BY petition_id", ids);
        var messages = await PerPetitionAsync(server, "notificationdb", $"""
            SELECT template, count(*) FROM notifications
            WHERE petition_id = ANY(@ids) AND (template = 'receipt' OR ({UnitNotice}))
            GROUP BY petition_id, template
            """, ids);
        return new ChainCounts(ids.Length, Reached(cases, "case"), cases.GetValueOrDefault("case").More, Reached(ledgers, "ledger"),
            Reached(messages, "new-case"), Reached(messages, "receipt"), after);
    }

    private static async Task<List<double>> ChainTimesAsync(string server, IReadOnlyList<Accepted> accepted)
    {
        var planned = accepted.ToDictionary(a => a.PetitionId, a => a.PlannedAt);
        await using var connection = await StackPostgres.OpenAsync(server, "notificationdb");
        await using var command = new NpgsqlCommand($"""
            SELECT petition_id, min(created_at) FROM notifications
            WHERE petition_id = ANY(@ids) AND {UnitNotice}
            GROUP BY petition_id
            """, connection);
        command.Parameters.AddWithValue("ids", planned.Keys.ToArray());
        var times = new List<double>(planned.Count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            times.Add((reader.GetFieldValue<DateTimeOffset>(1) - planned[reader.GetGuid(0)]).TotalMilliseconds);
        }

        return times;
    }

    private static int Reached(Dictionary<string, (int Reached, int More)> counts, string what) => counts.GetValueOrDefault(what).Reached;

    /// <summary>
    /// Per kind of row (the query's first column), the petitions with at least one (its second column, counted per
    /// petition), and those with more than one.
    /// </summary>
    private static async Task<Dictionary<string, (int Reached, int More)>> PerPetitionAsync(string server, string database, string sql, Guid[] ids)
    {
        await using var connection = await StackPostgres.OpenAsync(server, database);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        var counts = new Dictionary<string, (int Reached, int More)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (reached, more) = counts.GetValueOrDefault(reader.GetString(0));
            counts[reader.GetString(0)] = (reached + 1, more + (reader.GetInt64(1) > 1 ? 1 : 0));
        }

        return counts;
    }
}
