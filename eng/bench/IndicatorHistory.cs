using System.Diagnostics;
using NpgsqlTypes;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Bench;

/// <summary>
/// A province's history for the indicators (issue #14, "History"): millions of petitions' parts in the indicators
/// (<c>indicator_facts</c>) and their sums per region and day (<c>indicator_days</c>), written straight into the
/// stack's supervision database as the deadline evaluation would have left them. Each part is one of a few journeys,
/// rebuilt from real events by the ledger's own rule (<see cref="PetitionIndicators.Of"/>) and moved in time to its
/// registration; the events themselves are not written, since a request no longer reads them.
/// </summary>
internal static class IndicatorHistory
{
    private const string Bureau = "130000/petition-bureau";

    /// <summary>One petition in this many is stuck open, long past its deadlines: the backlog a request judges at its instant.</summary>
    private const int BacklogEvery = 200;

    /// <summary>Within the acceptance period (15 working days) and the handling period (60 more) of a journey below.</summary>
    private static readonly TimeSpan s_awaitingAcceptance = TimeSpan.FromDays(18);

    private static readonly TimeSpan s_awaitingAnswer = TimeSpan.FromDays(80);

    public sealed record Written(long Petitions, long Open, long Overdue, long DayRows, DateTimeOffset From, TimeSpan Took);

    /// <summary>The demo directory's Hebei regions where matters arise: its towns, its county, its city.</summary>
    private static readonly string[] s_demoRegions = ["130724100", "130724102", "130724", "130700"];

    /// <summary>Region codes: the demo directory's, or <paramref name="count"/> towns spread over Hebei's cities and counties.</summary>
    public static IReadOnlyList<string> Regions(int count) => count <= 0
        ? s_demoRegions
        : [.. Enumerable.Range(0, count).Select(k => $"13{1 + k % 11:D2}{21 + k / 11 % 40:D2}{100 + k / 440:D3}")];

    public static async Task<Written> WriteAsync(string server, long petitions, int years, IReadOnlyList<string> regions, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        var until = now.AddDays(-1);
        var from = until.AddDays(-365.25 * years);
        var step = (until - from) / petitions;
        var (settled, awaitingAcceptance, awaitingAnswer) = Journeys();
        var days = new Dictionary<(string Region, DateOnly Day), int[]>();
        long overdueCount = 0;

        await using var connection = await StackPostgres.OpenAsync(server, "supervisiondb");
        var openParts = new List<PetitionIndicators>();
        await using (var facts = await connection.BeginBinaryImportAsync(
            $"COPY indicator_facts (petition_id, region_code, registered_at, {IndicatorColumns.List()}) FROM STDIN (FORMAT BINARY)"))
        {
            for (long i = 0; i < petitions; i++)
            {
                var registeredAt = from + step * i;
                // Half the petitions of the last three weeks wait for acceptance, half of the weeks before that back to
                // three months wait for the answer, within their periods; one in 200 of any age is stuck open, long
                // past its deadlines (the backlog); the rest are answered.
                var age = until - registeredAt;
                var pool = i % BacklogEvery == 7 ? (i / BacklogEvery % 2 == 0 ? awaitingAcceptance : awaitingAnswer)
                    : i % 2 == 1 ? settled
                    : age < s_awaitingAcceptance ? awaitingAcceptance
                    : age < s_awaitingAnswer ? awaitingAnswer
                    : settled;
                var journey = pool[(int)(i / 2 % pool.Count)];
                var region = regions[(int)(i * 7919 % regions.Count)];
                var part = Moved(journey, Guid.CreateVersion7(registeredAt), region, registeredAt);
                if (!part.IsSettled)
                {
                    openParts.Add(part);
                    overdueCount += StatutoryCalendar.IsOverdue(part.EarliestOpenDue!.Value, now) ? 1 : 0;
                }

                var numbers = await WriteFactsAsync(facts, part);
                var key = (part.RegionCode, part.RegisteredOn);
                if (!days.TryGetValue(key, out var sums))
                {
                    days[key] = sums = new int[IndicatorSet.Width];
                }

                for (var n = 0; n < sums.Length; n++)
                {
                    sums[n] += numbers[n];
                }

                if (i % 500_000 == 0)
                {
                    Console.Write($"\r  written {i:N0} of {petitions:N0} petitions ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }

            await facts.CompleteAsync();
        }

        Console.WriteLine($"\r  written {petitions:N0} of {petitions:N0} petitions ({clock.Elapsed.TotalSeconds:F0} s)");
        await using (var open = await connection.BeginBinaryImportAsync(
            $"COPY indicator_open (petition_id, region_code, registered_at, {IndicatorColumns.List()}, " +
            "acceptance_open_dues, handling_open_dues, earliest_open_due, late_since, last_answered_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var part in openParts)
            {
                await WriteFactsAsync(open, part);
                await open.WriteAsync(part.AcceptanceOpenDues.Select(d => d.UtcDateTime).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
                await open.WriteAsync(part.HandlingOpenDues.Select(d => d.UtcDateTime).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
                foreach (var instant in new[] { part.EarliestOpenDue, part.LateSince, part.LastAnsweredAt })
                {
                    if (instant is { } value)
                    {
                        await open.WriteAsync(value.UtcDateTime, NpgsqlDbType.TimestampTz);
                    }
                    else
                    {
                        await open.WriteNullAsync();
                    }
                }
            }

            await open.CompleteAsync();
        }

        // Added to what the stack's own evaluation may have summed already on the same days and months.
        await AddSumsAsync(connection, "indicator_days", "day", days);
        var months = days.GroupBy(d => (d.Key.Region, Day: PeriodDays.MonthOf(d.Key.Day)))
            .ToDictionary(g => g.Key, g => Enumerable.Range(0, IndicatorSet.Width).Select(n => g.Sum(d => d.Value[n])).ToArray());
        await AddSumsAsync(connection, "indicator_months", "month", months);
        // Fresh statistics, as autovacuum would give tables that grew this way over years.
        await ExecuteAsync(connection, "ANALYZE indicator_facts; ANALYZE indicator_open; ANALYZE indicator_days; ANALYZE indicator_months;");
        return new Written(petitions, openParts.Count, overdueCount, days.Count, from, clock.Elapsed);
    }

    private static async Task AddSumsAsync(Npgsql.NpgsqlConnection connection, string table, string dateColumn, Dictionary<(string Region, DateOnly Day), int[]> sums)
    {
        await ExecuteAsync(connection, $"CREATE TEMP TABLE sums_load (LIKE {table})");
        await using (var rows = await connection.BeginBinaryImportAsync(
            $"COPY sums_load (region_code, {dateColumn}, {IndicatorColumns.List()}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((region, day), numbers) in sums)
            {
                await rows.StartRowAsync();
                await rows.WriteAsync(region, NpgsqlDbType.Text);
                await rows.WriteAsync(day, NpgsqlDbType.Date);
                foreach (var number in numbers)
                {
                    await rows.WriteAsync(number, NpgsqlDbType.Integer);
                }
            }

            await rows.CompleteAsync();
        }

        var additions = string.Join(", ", IndicatorColumns.Names.Select(c => $"{c} = {table}.{c} + excluded.{c}"));
        await ExecuteAsync(connection, $"""
            INSERT INTO {table} SELECT * FROM sums_load ON CONFLICT (region_code, {dateColumn}) DO UPDATE SET {additions};
            DROP TABLE sums_load;
            """);
    }

    private static async Task ExecuteAsync(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 1200;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts a row with the columns <c>indicator_facts</c> and <c>indicator_open</c> share; returns its counts.</summary>
    private static async Task<int[]> WriteFactsAsync(Npgsql.NpgsqlBinaryImporter rows, PetitionIndicators part)
    {
        await rows.StartRowAsync();
        await rows.WriteAsync(part.PetitionId, NpgsqlDbType.Uuid);
        await rows.WriteAsync(part.RegionCode, NpgsqlDbType.Text);
        await rows.WriteAsync(part.RegisteredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        var numbers = part.Base.ToNumbers();
        foreach (var number in numbers)
        {
            await rows.WriteAsync(number, NpgsqlDbType.Integer);
        }

        return numbers;
    }

    /// <summary>The journey's part as if its petition had been registered at <paramref name="registeredAt"/>.</summary>
    private static PetitionIndicators Moved(PetitionIndicators journey, Guid petitionId, string region, DateTimeOffset registeredAt)
    {
        var by = registeredAt - journey.RegisteredAt;
        return journey with
        {
            PetitionId = petitionId,
            RegionCode = region,
            RegisteredAt = registeredAt,
            AcceptanceOpenDues = [.. journey.AcceptanceOpenDues.Select(d => d + by)],
            HandlingOpenDues = [.. journey.HandlingOpenDues.Select(d => d + by)],
            EarliestOpenDue = journey.EarliestOpenDue + by,
            LateSince = journey.LateSince + by,
            LastAnsweredAt = journey.LastAnsweredAt + by,
        };
    }

    /// <summary>
    /// Journeys of a wage-arrears complaint routed to Guyuan's labour bureau, each by letter and online: answered in time
    /// and rated well, answered without a rating, accepted late, answered late and rated badly; and, open, waiting for
    /// acceptance or for the answer.
    /// </summary>
    private static (List<PetitionIndicators> Settled, List<PetitionIndicators> AwaitingAcceptance, List<PetitionIndicators> AwaitingAnswer) Journeys()
    {
        var registered = new DateTimeOffset(2026, 1, 5, 10, 0, 0, StatutoryCalendar.ChinaOffset);
        var settled = new List<PetitionIndicators>();
        var awaitingAcceptance = new List<PetitionIndicators>();
        var awaitingAnswer = new List<PetitionIndicators>();
        foreach (var channel in new[] { "letter", "online" })
        {
            settled.Add(Part(registered, channel, acceptedAfter: 3, answeredAfter: 30, Ratings.Satisfied));
            settled.Add(Part(registered, channel, acceptedAfter: 3, answeredAfter: 40, rating: null));
            settled.Add(Part(registered, channel, acceptedAfter: 30, answeredAfter: 60, Ratings.BasicallySatisfied));
            settled.Add(Part(registered, channel, acceptedAfter: 3, answeredAfter: 120, Ratings.Dissatisfied));
            awaitingAcceptance.Add(Part(registered, channel, acceptedAfter: null, answeredAfter: null, rating: null));
            awaitingAnswer.Add(Part(registered, channel, acceptedAfter: 3, answeredAfter: null, rating: null));
        }

        return (settled, awaitingAcceptance, awaitingAnswer);
    }

    private static PetitionIndicators Part(DateTimeOffset registered, string channel, int? acceptedAfter, int? answeredAfter, string? rating)
    {
        var petitionId = Guid.CreateVersion7(registered);
        var caseId = Guid.CreateVersion7(registered);
        var routed = registered.AddDays(1);
        var unit = PetitionSamples.Unit;
        var events = new List<IPetitionEvent>
        {
            new PetitionRegistered(petitionId, "130724-20260105-00001", channel, "complaint", "wage-arrears", "130724102", Bureau, 1, registered,
                TrackingCodes.Hash(petitionId.ToString("N"))),
            new PetitionRouted(petitionId, Bureau, RoutingModes.Transfer, unit, "沽源县人力资源和社会保障局", [Bureau, PetitionSamples.Bureau, unit], [],
                "wage-arrears: labour inspection at the county where it arose", false, 0, null, null, routed),
            new CaseOpened(petitionId, caseId, unit, CaseStages.Original, RoutingModes.Transfer,
                StatutoryCalendar.China.DueBy(routed, StatutoryPeriods.AcceptanceDays), null, false, routed),
        };
        if (acceptedAfter is { } accept)
        {
            var accepted = registered.AddDays(accept);
            events.Add(new CaseAccepted(petitionId, caseId, unit, CaseStages.Original, "labour inspection brigade",
                StatutoryCalendar.China.DueBy(accepted, StatutoryPeriods.HandlingDays), false, accepted));
        }

        if (answeredAfter is { } answer)
        {
            var answered = registered.AddDays(answer);
            events.Add(new CaseAnswered(petitionId, caseId, unit, CaseStages.Original, Outcomes.Support, "wages paid", "Labour Contract Law art. 30",
                StatutoryCalendar.China.DueBy(answered, StatutoryPeriods.ReviewRequestDays), false, answered));
            if (rating is not null)
            {
                events.Add(new CaseEvaluated(petitionId, caseId, unit, CaseStages.Original, rating, answered.AddDays(3)));
            }
        }

        return PetitionIndicators.Of(new PetitionHistory(petitionId, "130724102", channel, registered, null, false, events));
    }
}
