using Microsoft.Extensions.Configuration;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting.Dashboard.Telemetry;

/// <summary>
/// How much telemetry the dashboard keeps in memory (<c>Dashboard:Limits:*</c>). Everything beyond is forgotten oldest
/// first, so a host left running for days stays at a fixed size; the pages state these numbers.
/// </summary>
internal sealed record TelemetryLimits(int Spans, int Traces, int Logs, int MetricSeries, int MetricPointsPerSeries, int OtlpRequestBytes)
{
    public static readonly TelemetryLimits Default = new(
        Spans: 50_000, Traces: 5_000, Logs: 20_000, MetricSeries: 2_000, MetricPointsPerSeries: 360, OtlpRequestBytes: 8 * 1024 * 1024);

    /// <param name="limits">The <c>Dashboard:Limits</c> section.</param>
    public static TelemetryLimits From(IConfiguration limits) => new(
        Positive(limits, nameof(Spans), Default.Spans),
        Positive(limits, nameof(Traces), Default.Traces),
        Positive(limits, nameof(Logs), Default.Logs),
        Positive(limits, nameof(MetricSeries), Default.MetricSeries),
        Positive(limits, nameof(MetricPointsPerSeries), Default.MetricPointsPerSeries),
        Positive(limits, nameof(OtlpRequestBytes), Default.OtlpRequestBytes));

    private static int Positive(IConfiguration limits, string key, int fallback)
    {
        var value = limits.GetValue(key, fallback);
        return value > 0
            ? value
            : throw new HostingException($"Dashboard:Limits:{key} is {value}; it must be a positive number.");
    }
}
