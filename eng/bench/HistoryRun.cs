using System.Globalization;

namespace PetitionPlatform.Bench;

/// <summary>
/// The history part of the benchmark for the deadline evaluation: open clocks written into the stack's supervision
/// database, then the stack's own next runs timed. The first run after the history judges the due share (and issues
/// their reminders); the one after it finds nothing due, which is the cost of the open clocks alone.
/// </summary>
internal static class HistoryRun
{
    public static async Task<int> RunAsync(BenchOptions options, string server, string data)
    {
        var now = DateTimeOffset.UtcNow;
        Console.WriteLine($"history: {options.Clocks:N0} open handling clocks, {options.DueShare:P1} of them due");
        var written = await ClockHistory.WriteAsync(server, options.Clocks, options.DueShare, now);
        Console.WriteLine($"  written: {written.Petitions:N0} petitions ({written.Petitions * 4:N0} ledger events), {written.Due:N0} due, in {written.Took.TotalSeconds:F0} s");

        using var runs = new EvaluationRuns(options.Dashboard, data);
        var after = DateTimeOffset.UtcNow;
        var lines = new List<string>();
        foreach (var label in new[] { "first run after the history", "the run after it" })
        {
            // Runs come every Supervision:EvaluationInterval (a minute) after the last one ended.
            var run = await runs.NextAsync(after, TimeSpan.FromMinutes(10));
            if (run is null)
            {
                Console.Error.WriteLine($"No deadline evaluation reported to {options.Dashboard} within ten minutes.");
                return 1;
            }

            var line = string.Create(CultureInfo.InvariantCulture,
                $"  {label}: {run.Took.TotalSeconds:F2} s, judged {run.Judged:N0} petitions, issued {run.Issued:N0} notices");
            Console.WriteLine(line);
            lines.Add(line.Trim());
            after = run.StartedAt;
        }

        if (options.Record is { } file)
        {
            File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture,
                $"\n- {now:yyyy-MM-dd HH:mm} UTC, {Report.Machine}: {options.Clocks:N0} open clocks ({written.Due:N0} due): {string.Join("; ", lines)}\n"));
            Console.WriteLine($"recorded in {file}");
        }

        return 0;
    }
}
