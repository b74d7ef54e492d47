using PetitionPlatform.Hosting.Dashboard.Telemetry;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Telemetry;

/// <summary>Decoded spans for the store and view tests, times relative to one fixed instant.</summary>
internal static class Spans
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static string TraceId(int n) => n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public static string SpanId(int n) => n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public static TelemetrySpan Span(
        int trace, int span, int? parent = null, string service = "intake", double startMs = 0, double durationMs = 10,
        SpanStatus status = SpanStatus.Unset, string? petitionId = null) => new(
            TraceId(trace),
            SpanId(span),
            parent is { } p ? SpanId(p) : null,
            service,
            "test",
            $"span {span}",
            SpanKind.Internal,
            Epoch.AddMilliseconds(startMs),
            Epoch.AddMilliseconds(startMs + durationMs),
            status,
            null,
            petitionId is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["petition.id"] = petitionId },
            [],
            []);
}
