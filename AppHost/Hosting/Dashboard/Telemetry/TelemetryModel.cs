namespace PetitionPlatform.Hosting.Dashboard.Telemetry;

// The dashboard's own shapes of what services export, decoded from OTLP once on arrival. Ids are lowercase hex (trace
// ids 32 characters, span ids 16), the form the gateway's X-Trace-Id and W3C traceparent use.

internal enum SpanKind
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
}

internal enum SpanStatus
{
    Unset,
    Ok,
    Error,
}

/// <summary>OTLP's severity bands (each spans four numbers in the protocol).</summary>
internal enum LogSeverity
{
    Unspecified,
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
}

internal enum MetricType
{
    Gauge,
    Sum,
    Histogram,
}

/// <summary>Attribute values keep their JSON-able type: string, bool, long, double, arrays and maps of those.</summary>
internal sealed record TelemetrySpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Service,
    string Scope,
    string Name,
    SpanKind Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    SpanStatus Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyList<TelemetrySpanEvent> Events,
    IReadOnlyList<TelemetrySpanLink> Links)
{
    public double DurationMs => Math.Max(0, (End - Start).TotalMilliseconds);
}

internal sealed record TelemetrySpanEvent(string Name, DateTimeOffset Time, IReadOnlyDictionary<string, object?> Attributes);

internal sealed record TelemetrySpanLink(string TraceId, string SpanId);

internal sealed record TelemetryLog(
    DateTimeOffset Time,
    string Service,
    string Scope,
    LogSeverity Severity,
    string? SeverityText,
    string? Body,
    IReadOnlyDictionary<string, object?> Attributes,
    string? TraceId,
    string? SpanId);

/// <summary>One exported data point of one instrument, with the series it belongs to (service + attributes).</summary>
internal sealed record TelemetryMetricPoint(
    string Name,
    string? Description,
    string? Unit,
    MetricType Type,
    bool Monotonic,
    string Service,
    IReadOnlyDictionary<string, object?> Attributes,
    MetricSample Sample);

/// <summary>
/// A point of a series: <see cref="Value"/> for sums and gauges; for histograms the count and sum (<see cref="Value"/> is
/// then the mean) and the bucket counts by upper bound.
/// </summary>
internal sealed record MetricSample(
    DateTimeOffset Time,
    double Value,
    ulong? Count = null,
    double? Sum = null,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<double>? Bounds = null,
    IReadOnlyList<ulong>? BucketCounts = null);
