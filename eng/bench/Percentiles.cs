namespace PetitionPlatform.Bench;

/// <summary>Latencies in milliseconds, summarised by the nearest-rank percentiles.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted.Count == 0
            ? "none"
            : FormattableString.Invariant($"p50 {Of(sorted, 50):F0} ms, p95 {Of(sorted, 95):F0} ms, p99 {Of(sorted, 99):F0} ms (n={sorted.Count})");
    }
}
