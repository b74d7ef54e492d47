using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Bench;

/// <summary>
/// The history part of the benchmark for the indicators: a province's petitions written into the stack's supervision
/// database (<see cref="IndicatorHistory"/>), then <c>GET /api/supervision/indicators</c> timed through the gateway, as
/// the province's bureau, for the whole history, a year, a month, a day and a period cut mid-day at both ends.
/// </summary>
internal static class IndicatorsRun
{
    /// <summary>Requests per period; the figure is their median, beside the slowest.</summary>
    private const int Repeats = 5;

    public static async Task<int> RunAsync(BenchOptions options, string server, string data)
    {
        var now = DateTimeOffset.UtcNow;
        var regions = IndicatorHistory.Regions(options.Regions);
        var yesterday = StatutoryCalendar.DayOf(now.AddDays(-1));
        var first = yesterday.AddDays(-(int)(365.25 * options.Years));
        if (options.WriteHistory)
        {
            Console.WriteLine($"history: {options.Petitions:N0} petitions over {options.Years} years in {regions.Count} region codes under 130000");
            var written = await IndicatorHistory.WriteAsync(server, options.Petitions, options.Years, regions, now);
            Console.WriteLine($"  written: {written.Petitions:N0} parts ({written.Open:N0} with a clock open, {written.Overdue:N0} of them past a deadline), {written.DayRows:N0} day rows, in {written.Took.TotalSeconds:F0} s");
        }

        await using var clients = StackClients.For(options.Gateway, data);
        var bureau = (await clients.MakeAsync("bureau", "130000/petition-bureau", ["bureau"], 1))[0];
        var periods = new (string Label, string Region, string From, string To)[]
        {
            ("province, whole history", "130000", Day(first), Day(yesterday)),
            ("province, last year", "130000", Day(yesterday.AddDays(-364)), Day(yesterday)),
            ("province, last 30 days", "130000", Day(yesterday.AddDays(-29)), Day(yesterday)),
            ("province, one day", "130000", Day(yesterday.AddDays(-200)), Day(yesterday.AddDays(-200))),
            ("province, cut mid-day", "130000", Instant(first.AddDays(100), 13, 30), Instant(yesterday.AddDays(-100), 9, 15)),
            ("city 130700, whole history", "130700", Day(first), Day(yesterday)),
        };

        var lines = new List<string>();
        foreach (var (label, region, from, to) in periods)
        {
            var query = $"/api/supervision/indicators?regionCode={region}&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
            var took = new List<double>();
            var petitions = 0;
            var children = 0;
            for (var i = 0; i < Repeats; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await bureau.GetAsync(new Uri(query, UriKind.Relative));
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                took.Add(clock.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"{label}: {(int)response.StatusCode} {body}");
                    return 1;
                }

                petitions = body.GetProperty("indicators").GetProperty("onlineShare").GetProperty("denominator").GetInt32();
                children = body.GetProperty("children").GetArrayLength();
            }

            took.Sort();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{label}: median {took[Repeats / 2]:F0} ms, slowest {took[^1]:F0} ms ({petitions:N0} petitions, {children} children)");
            Console.WriteLine($"  {line}");
            lines.Add(line);
        }

        if (options.Record is { } file)
        {
            File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture,
                $"\n- {now:yyyy-MM-dd HH:mm} UTC, {Report.Machine}, {options.Petitions:N0} petitions in {regions.Count} region codes over {options.Years} years: {string.Join("; ", lines)}\n"));
            Console.WriteLine($"recorded in {file}");
        }

        return 0;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateOnly day, int hour, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), StatutoryCalendar.ChinaOffset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
