using Google.Protobuf;
using Google.Protobuf.Collections;
using PetitionPlatform.Hosting.Dashboard.Otlp.Proto;
using PetitionPlatform.Hosting.Dashboard.Telemetry;
using ProtoSpanKind = PetitionPlatform.Hosting.Dashboard.Otlp.Proto.SpanKind;
using SpanKind = PetitionPlatform.Hosting.Dashboard.Telemetry.SpanKind;
using SpanStatus = PetitionPlatform.Hosting.Dashboard.Telemetry.SpanStatus;

namespace PetitionPlatform.Hosting.Dashboard.Otlp;

/// <summary>Turns OTLP export requests into the dashboard's records, taking the service from the resource's <c>service.name</c>.</summary>
internal static class OtlpDecoder
{
    public const string UnknownService = "unknown_service";

    public static IEnumerable<TelemetrySpan> Spans(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = ServiceName(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? "";
                foreach (var span in scopeSpans.Spans)
                {
                    // A span without ids cannot be placed in any trace; an exporter never sends one, a broken client might.
                    if (HexId(span.TraceId) is not { } traceId || HexId(span.SpanId) is not { } spanId)
                    {
                        continue;
                    }

                    yield return new TelemetrySpan(
                        traceId,
                        spanId,
                        HexId(span.ParentSpanId),
                        service,
                        scope,
                        span.Name,
                        Kind(span.Kind),
                        Time(span.StartTimeUnixNano),
                        Time(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
                        span.Status?.Code switch
                        {
                            StatusCode.Ok => SpanStatus.Ok,
                            StatusCode.Error => SpanStatus.Error,
                            _ => SpanStatus.Unset,
                        },
                        span.Status is { Message.Length: > 0 } status ? status.Message : null,
                        Attributes(span.Attributes),
                        [.. span.Events.Select(e => new TelemetrySpanEvent(e.Name, Time(e.TimeUnixNano), Attributes(e.Attributes)))],
                        [.. span.Links.Select(l => new TelemetrySpanLink(HexId(l.TraceId) ?? "", HexId(l.SpanId) ?? ""))]);
                }
            }
        }
    }

    public static IEnumerable<TelemetryLog> Logs(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = ServiceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = scopeLogs.Scope?.Name ?? "";
                foreach (var log in scopeLogs.LogRecords)
                {
                    yield return new TelemetryLog(
                        Time(log.TimeUnixNano != 0 ? log.TimeUnixNano : log.ObservedTimeUnixNano),
                        service,
                        scope,
                        Severity((int)log.SeverityNumber),
                        log.SeverityText is { Length: > 0 } text ? text : null,
                        log.Body is null ? null : Text(Value(log.Body)),
                        Attributes(log.Attributes),
                        HexId(log.TraceId),
                        HexId(log.SpanId));
                }
            }
        }
    }

    public static IEnumerable<TelemetryMetricPoint> MetricPoints(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var service = ServiceName(resourceMetrics.Resource);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
            {
                var description = metric.Description is { Length: > 0 } d ? d : null;
                var unit = metric.Unit is { Length: > 0 } u ? u : null;
                switch (metric.DataCase)
                {
                    case Metric.DataOneofCase.Gauge:
                        foreach (var point in metric.Gauge.DataPoints)
                        {
                            yield return new TelemetryMetricPoint(
                                metric.Name, description, unit, MetricType.Gauge, false, service, Attributes(point.Attributes), Number(point));
                        }

                        break;
                    case Metric.DataOneofCase.Sum:
                        foreach (var point in metric.Sum.DataPoints)
                        {
                            yield return new TelemetryMetricPoint(
                                metric.Name, description, unit, MetricType.Sum, metric.Sum.IsMonotonic, service, Attributes(point.Attributes), Number(point));
                        }

                        break;
                    case Metric.DataOneofCase.Histogram:
                        foreach (var point in metric.Histogram.DataPoints)
                        {
                            yield return new TelemetryMetricPoint(
                                metric.Name, description, unit, MetricType.Histogram, false, service, Attributes(point.Attributes), Histogram(point));
                        }

                        break;
                    default:
                        // Exponential histograms and summaries are not declared in our .proto: no service here emits them.
                        break;
                }
            }
        }
    }

    /// <summary>32 (trace) or 16 (span) lowercase hex digits; null for an absent or all-zero id, which OTLP uses for "none".</summary>
    public static string? HexId(ByteString id) =>
        id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id.Span);

    public static DateTimeOffset Time(ulong unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Min(unixNanoseconds / 100, (ulong)(DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks)));

    public static LogSeverity Severity(int number) => number switch
    {
        >= 1 and <= 4 => LogSeverity.Trace,
        >= 5 and <= 8 => LogSeverity.Debug,
        >= 9 and <= 12 => LogSeverity.Info,
        >= 13 and <= 16 => LogSeverity.Warn,
        >= 17 and <= 20 => LogSeverity.Error,
        >= 21 and <= 24 => LogSeverity.Fatal,
        _ => LogSeverity.Unspecified,
    };

    private static string ServiceName(Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value is { ValueCase: AnyValue.ValueOneofCase.StringValue } name
            && name.StringValue.Length > 0
            ? name.StringValue
            : UnknownService;

    private static SpanKind Kind(ProtoSpanKind kind) => kind switch
    {
        ProtoSpanKind.Internal => SpanKind.Internal,
        ProtoSpanKind.Server => SpanKind.Server,
        ProtoSpanKind.Client => SpanKind.Client,
        ProtoSpanKind.Producer => SpanKind.Producer,
        ProtoSpanKind.Consumer => SpanKind.Consumer,
        _ => SpanKind.Unspecified,
    };

    private static Dictionary<string, object?> Attributes(RepeatedField<KeyValue> attributes)
    {
        var decoded = new Dictionary<string, object?>(attributes.Count, StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            decoded[attribute.Key] = attribute.Value is null ? null : Value(attribute.Value);
        }

        return decoded;
    }

    private static object? Value(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue,
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        AnyValue.ValueOneofCase.ArrayValue => value.ArrayValue.Values.Select(Value).ToList(),
        AnyValue.ValueOneofCase.KvlistValue => Attributes(value.KvlistValue.Values),
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToBase64(),
        _ => null,
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        _ => System.Text.Json.JsonSerializer.Serialize(value),
    };

    private static MetricSample Number(NumberDataPoint point) => new(
        Time(point.TimeUnixNano),
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble);

    private static MetricSample Histogram(HistogramDataPoint point) => new(
        Time(point.TimeUnixNano),
        point.Count == 0 || !point.HasSum ? 0 : point.Sum / point.Count,
        point.Count,
        point.HasSum ? point.Sum : null,
        point.HasMin ? point.Min : null,
        point.HasMax ? point.Max : null,
        [.. point.ExplicitBounds],
        [.. point.BucketCounts]);
}
