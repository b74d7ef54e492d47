using System.Diagnostics;
using NpgsqlTypes;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Bench;

/// <summary>
/// A large history of open clocks written straight into the stack's supervision database (issue #14, "History"): each
/// petition registered, routed, its case opened and accepted, so that its handling clock runs; its events encoded by
/// the ledger's own codec; and its <c>clock_watch</c> row as the evaluation leaves it after judging, next check at the
/// reminder. A share of them is due: their reminder instant has passed and the next run must judge them.
/// </summary>
internal static class ClockHistory
{
    private const int Batch = 20_000;
    private const string Bureau = "130000/petition-bureau";
    private const string UnitName = "沽源县人力资源和社会保障局";

    public sealed record Written(int Petitions, int Due, TimeSpan Took);

    public static async Task<Written> WriteAsync(string server, int petitions, double dueShare, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        var policy = DeadlinePolicy.Default;
        var dueEvery = dueShare <= 0 ? int.MaxValue : (int)Math.Round(1 / dueShare);
        var dueIds = new List<Guid>();
        await using var connection = await StackPostgres.OpenAsync(server, "supervisiondb");
        for (var start = 0; start < petitions; start += Batch)
        {
            var count = Math.Min(Batch, petitions - start);
            var watches = new List<(Guid Petition, DateTimeOffset CheckAt, DateTimeOffset DueBy)>(count);
            await using (var events = await connection.BeginBinaryImportAsync(
                "COPY ledger_events (message_id, petition_id, type, occurred_at, body, fingerprint, recorded_at) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = start; i < start + count; i++)
                {
                    var isDue = i % dueEvery == 0;
                    // A due clock was accepted so long ago that its reminder fell due a minute before this run; the rest
                    // within the last 40 days, so that their reminders lie between two and eight weeks ahead.
                    var acceptedAt = isDue
                        ? ReminderAt(now.AddMinutes(-1), policy)
                        : now.AddMinutes(-(i % (40 * 24 * 60))).AddDays(-1);
                    var journey = Journey(Guid.CreateVersion7(acceptedAt.AddDays(-2)), acceptedAt, i);
                    foreach (var @event in journey.Events)
                    {
                        var row = LedgerEventCodec.Encode(@event, Guid.CreateVersion7(@event.OccurredAt), @event.OccurredAt);
                        await events.StartRowAsync();
                        await events.WriteAsync(row.MessageId, NpgsqlDbType.Uuid);
                        await events.WriteAsync(row.PetitionId, NpgsqlDbType.Uuid);
                        await events.WriteAsync(row.Type, NpgsqlDbType.Text);
                        await events.WriteAsync(row.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                        await events.WriteAsync(row.Body, NpgsqlDbType.Jsonb);
                        await events.WriteAsync(row.Fingerprint, NpgsqlDbType.Text);
                        await events.WriteAsync(row.RecordedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    }

                    if (isDue)
                    {
                        dueIds.Add(journey.PetitionId);
                    }

                    // A due petition waits (next check at its deadline) until all are written, then falls due at once below:
                    // runs during the writing would otherwise take them a part at a time.
                    watches.Add((journey.PetitionId, isDue ? journey.DueBy : journey.DueBy - policy.ReminderLead, journey.DueBy));
                }

                await events.CompleteAsync();
            }

            await using (var rows = await connection.BeginBinaryImportAsync(
                "COPY clock_watch (petition_id, changed, revision, check_at, earliest_due) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (petition, checkAt, dueBy) in watches)
                {
                    await rows.StartRowAsync();
                    await rows.WriteAsync(petition, NpgsqlDbType.Uuid);
                    await rows.WriteAsync(false, NpgsqlDbType.Boolean);
                    await rows.WriteAsync(1L, NpgsqlDbType.Bigint);
                    await rows.WriteAsync(checkAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await rows.WriteAsync(dueBy.UtcDateTime, NpgsqlDbType.TimestampTz);
                }

                await rows.CompleteAsync();
            }

            Console.Write($"\r  written {start + count:N0} of {petitions:N0} petitions ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        Console.WriteLine();
        await using (var fallDue = connection.CreateCommand())
        {
            fallDue.CommandText = "UPDATE clock_watch SET check_at = $1 WHERE petition_id = ANY($2)";
            fallDue.Parameters.Add(new() { Value = now.AddMinutes(-1).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            fallDue.Parameters.Add(new() { Value = dueIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            await fallDue.ExecuteNonQueryAsync();
        }

        await using (var analyze = connection.CreateCommand())
        {
            // Fresh statistics, as autovacuum would give a table that grew this way over months.
            analyze.CommandText = "ANALYZE ledger_events; ANALYZE clock_watch;";
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }

        return new Written(petitions, dueIds.Count, clock.Elapsed);
    }

    /// <summary>The acceptance instant whose handling clock's reminder falls due at <paramref name="reminder"/> or just before.</summary>
    private static DateTimeOffset ReminderAt(DateTimeOffset reminder, DeadlinePolicy policy)
    {
        var acceptedAt = reminder.AddDays(-StatutoryPeriods.HandlingDays);
        while (StatutoryCalendar.China.DueBy(acceptedAt.AddDays(1), StatutoryPeriods.HandlingDays) - policy.ReminderLead <= reminder)
        {
            acceptedAt = acceptedAt.AddDays(1);
        }

        return acceptedAt;
    }

    private sealed record History(Guid PetitionId, DateTimeOffset DueBy, IReadOnlyList<IPetitionEvent> Events);

    private static History Journey(Guid petitionId, DateTimeOffset acceptedAt, int serial)
    {
        var caseId = Guid.CreateVersion7(acceptedAt);
        var registeredAt = acceptedAt.AddDays(-2);
        var routedAt = acceptedAt.AddDays(-1);
        var dueBy = StatutoryCalendar.China.DueBy(acceptedAt, StatutoryPeriods.HandlingDays);
        var number = $"130724-{registeredAt.ToOffset(StatutoryCalendar.ChinaOffset):yyyyMMdd}-{serial % 100_000:D5}";
        return new History(petitionId, dueBy,
        [
            new PetitionRegistered(petitionId, number, "online", "complaint", "wage-arrears", "130724102", Bureau, 1, registeredAt,
                TrackingCodes.Hash(petitionId.ToString("N"))),
            new PetitionRouted(petitionId, Bureau, RoutingModes.Transfer, PetitionSamples.Unit, UnitName,
                [Bureau, PetitionSamples.Bureau, PetitionSamples.Unit], [], "wage-arrears: labour inspection at the county where it arose",
                false, 0, null, null, routedAt),
            new CaseOpened(petitionId, caseId, PetitionSamples.Unit, CaseStages.Original, RoutingModes.Transfer,
                StatutoryCalendar.China.DueBy(routedAt, StatutoryPeriods.AcceptanceDays), null, false, routedAt),
            new CaseAccepted(petitionId, caseId, PetitionSamples.Unit, CaseStages.Original, "labour inspection brigade", dueBy, false, acceptedAt),
        ]);
    }
}
