using System.Globalization;
using System.Runtime.InteropServices;

namespace PetitionPlatform.Bench;

/// <summary>The figures of one run, printed and, with --record, appended as a table row.</summary>
internal sealed record Report(
    BenchOptions Options, LoadResult? Load, ChainCounts? Counts, IReadOnlyList<(int Clients, double CommitsPerSecond)> Bound,
    IReadOnlyList<(string Part, double Milliseconds)> Cpu)
{
    public static string Machine =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {Environment.MachineName}";

    private double? Accepted => Load is { } load ? load.Accepted.Count / load.Elapsed.TotalSeconds : null;

    /// <summary>Petitions a second that made it through the whole chain: all of them, over the time until the last did.</summary>
    private double? Through => Counts is { Complete: true } counts ? counts.Petitions / counts.After.TotalSeconds : null;

    private double? Ceiling => Bound.Count > 0 ? Bound.Max(b => b.CommitsPerSecond) : null;

    public void Print(TextWriter output)
    {
        if (Load is { } load)
        {
            var offered = Options.FlatOut ? "flat out" : Invariant($"{Options.Rate:F1}/s");
            output.WriteLine(Invariant($"chain: offered {offered} for {Options.Duration.TotalSeconds:F0} s ({load.Sent} sent); accepted {load.Accepted.Count} ({Accepted:F1}/s); refused {Refusals(load)}"));
            output.WriteLine($"  submit: {Percentiles.Summary(load.Accepted.Select(a => a.SubmitMs))}");
            output.WriteLine($"  chain as the unit sees it (a sample polling the case through the gateway, to within 100 ms or a tenth): {Percentiles.Summary(load.ChainMs)}; not there within 2 min: {load.Unfollowed}");
        }

        if (Counts is { } counts)
        {
            output.WriteLine($"  chain, every petition (planned instant to the unit's new-case notice, from the databases): {Percentiles.Summary(counts.ChainMs)}");
            output.WriteLine(Invariant($"  checked {counts.Petitions} petitions: cases {counts.Cases} (more than one: {counts.Doubled}), ledger {counts.Ledgers}, new-case notices {counts.NewCaseNotices}, receipts {counts.Receipts}; lost {counts.Lost}"));
            output.WriteLine(Through is { } through
                ? Invariant($"  all through the chain {counts.After.TotalSeconds:F1} s after the load began: {through:F1} petitions/s")
                : Invariant($"  NOT all through the chain: the counts stopped moving {counts.After.TotalSeconds:F1} s after the load began"));
        }

        if (Cpu.Count > 0 && Counts is { Petitions: > 0 } carried)
        {
            output.WriteLine(Invariant($"  CPU per petition, from the load's start until the chain drained ({Cpu.Sum(c => c.Milliseconds) / carried.Petitions:F1} ms in all):"));
            foreach (var (part, milliseconds) in Cpu)
            {
                output.WriteLine(Invariant($"    {part,-18} {milliseconds / carried.Petitions,7:F1} ms"));
            }
        }

        foreach (var (clients, commits) in Bound)
        {
            output.WriteLine(Invariant($"bound: PostgreSQL commits {commits:F0} durable transactions/s with {clients} clients"));
        }

        if ((Through ?? Accepted) is { } rate && Ceiling is { } ceiling)
        {
            output.WriteLine(Invariant($"  the platform's {rate:F1} petitions/s is {100 * rate / ceiling:F2} % of the server's {ceiling:F0} commits/s"));
        }
    }

    /// <summary>One row of docs/performance.md's table; its header is written when the file has none.</summary>
    public void Append(string file)
    {
        const string header = "| date (UTC) | machine | offered | accepted/s | through chain/s | submit p50/p99 ms | chain p50/p99 ms | lost | doubled | PostgreSQL commits/s | share |\n|---|---|---|---|---|---|---|---|---|---|---|\n";
        var submit = Load?.Accepted.Select(a => a.SubmitMs).Order().ToList() ?? [];
        var chain = Counts?.ChainMs.Order().ToList() ?? [];
        var row = Invariant($"| {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} | {Environment.ProcessorCount} cores | {(Options.FlatOut ? "flat out" : Options.Rate.ToString("F0", CultureInfo.InvariantCulture) + "/s")} × {Options.Duration.TotalSeconds:F0} s | {Accepted:F1} | {Through:F1} | {Percentiles.Of(submit, 50):F0} / {Percentiles.Of(submit, 99):F0} | {Percentiles.Of(chain, 50):F0} / {Percentiles.Of(chain, 99):F0} | {Counts?.Lost} | {Counts?.Doubled} | {Ceiling:F0} | {(Through ?? Accepted) / Ceiling * 100:F2} % |\n");
        var existing = File.Exists(file) ? File.ReadAllText(file) : "";
        var table = existing.IndexOf("| date (UTC) | machine |", StringComparison.Ordinal);
        if (table < 0)
        {
            File.AppendAllText(file, "\n" + header + row);
            return;
        }

        // Below the table's last row, whatever text follows the table.
        var end = table;
        while (end < existing.Length && existing[end] == '|')
        {
            end = existing.IndexOf('\n', end) is var newline and >= 0 ? newline + 1 : existing.Length;
        }

        File.WriteAllText(file, existing[..end] + row + existing[end..]);
    }

    private static string Refusals(LoadResult load) =>
        load.Refused.Count == 0 ? "none" : string.Join(", ", load.Refused.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} ×{r.Value}"));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
