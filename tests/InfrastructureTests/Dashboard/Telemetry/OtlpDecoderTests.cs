using Google.Protobuf;
using PetitionPlatform.Hosting.Dashboard.Otlp;
using PetitionPlatform.Hosting.Dashboard.Otlp.Proto;
using PetitionPlatform.Hosting.Dashboard.Telemetry;
using ProtoSpanKind = PetitionPlatform.Hosting.Dashboard.Otlp.Proto.SpanKind;
using ProtoSpanStatus = PetitionPlatform.Hosting.Dashboard.Otlp.Proto.SpanStatus;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Telemetry;

/// <summary>OTLP requests built with the generated types, sent through the wire format and decoded into the dashboard's records.</summary>
public sealed class OtlpDecoderTests
{
    private static readonly byte[] TraceBytes = Convert.FromHexString("4BF92F3577B34DA6A3CE929D0E0E4736");
    private static readonly byte[] SpanBytes = Convert.FromHexString("00F067AA0BA902B7");
    private static readonly byte[] ParentBytes = Convert.FromHexString("A1B2C3D4E5F60718");
    private const ulong StartNanos = 1_795_424_400_123_456_700; // 2026-11-23T09:00:00.1234567Z

    [Fact]
    public void A_span_round_trips_through_protobuf_with_its_service_ids_times_status_attributes_and_events()
    {
        var request = new ExportTraceServiceRequest
        {
            ResourceSpans =
            {
                new ResourceSpans
                {
                    Resource = new Resource { Attributes = { Attribute("service.name", "intake"), Attribute("service.instance.id", "1") } },
                    ScopeSpans =
                    {
                        new ScopeSpans
                        {
                            Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore" },
                            Spans =
                            {
                                new Span
                                {
                                    TraceId = ByteString.CopyFrom(TraceBytes),
                                    SpanId = ByteString.CopyFrom(SpanBytes),
                                    ParentSpanId = ByteString.CopyFrom(ParentBytes),
                                    Name = "POST /petitions",
                                    Kind = ProtoSpanKind.Server,
                                    StartTimeUnixNano = StartNanos,
                                    EndTimeUnixNano = StartNanos + 42_000_000,
                                    Status = new ProtoSpanStatus { Code = StatusCode.Error, Message = "boom" },
                                    Attributes =
                                    {
                                        Attribute("petition.id", "p-1"),
                                        new KeyValue { Key = "http.response.status_code", Value = new AnyValue { IntValue = 500 } },
                                        new KeyValue { Key = "retry", Value = new AnyValue { BoolValue = true } },
                                    },
                                    Events = { new SpanEvent { Name = "exception", TimeUnixNano = StartNanos + 1_000_000, Attributes = { Attribute("exception.type", "X") } } },
                                },
                            },
                        },
                    },
                },
            },
        };

        var decoded = Assert.Single(OtlpDecoder.Spans(ExportTraceServiceRequest.Parser.ParseFrom(request.ToByteArray())));

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", decoded.TraceId);
        Assert.Equal("00f067aa0ba902b7", decoded.SpanId);
        Assert.Equal("a1b2c3d4e5f60718", decoded.ParentSpanId);
        Assert.Equal("intake", decoded.Service);
        Assert.Equal("Microsoft.AspNetCore", decoded.Scope);
        Assert.Equal(PetitionPlatform.Hosting.Dashboard.Telemetry.SpanKind.Server, decoded.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), decoded.Start);
        Assert.Equal(42, decoded.DurationMs, precision: 6);
        Assert.Equal(PetitionPlatform.Hosting.Dashboard.Telemetry.SpanStatus.Error, decoded.Status);
        Assert.Equal("boom", decoded.StatusMessage);
        Assert.Equal("p-1", decoded.Attributes["petition.id"]);
        Assert.Equal(500L, decoded.Attributes["http.response.status_code"]);
        Assert.Equal(true, decoded.Attributes["retry"]);
        var exception = Assert.Single(decoded.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Equal("X", exception.Attributes["exception.type"]);
    }

    [Fact]
    public void A_root_span_has_no_parent_and_a_resource_without_a_name_is_an_unknown_service()
    {
        var request = new ExportTraceServiceRequest
        {
            ResourceSpans =
            {
                new ResourceSpans
                {
                    ScopeSpans =
                    {
                        new ScopeSpans
                        {
                            Spans =
                            {
                                new Span { TraceId = ByteString.CopyFrom(TraceBytes), SpanId = ByteString.CopyFrom(SpanBytes), ParentSpanId = ByteString.CopyFrom(new byte[8]) },
                                new Span { TraceId = ByteString.Empty, SpanId = ByteString.CopyFrom(SpanBytes) },
                            },
                        },
                    },
                },
            },
        };

        var decoded = Assert.Single(OtlpDecoder.Spans(ExportTraceServiceRequest.Parser.ParseFrom(request.ToByteArray())));

        Assert.Null(decoded.ParentSpanId);
        Assert.Equal(OtlpDecoder.UnknownService, decoded.Service);
    }

    [Fact]
    public void A_log_record_keeps_its_severity_band_body_and_trace_context()
    {
        var request = new ExportLogsServiceRequest
        {
            ResourceLogs =
            {
                new ResourceLogs
                {
                    Resource = new Resource { Attributes = { Attribute("service.name", "routing") } },
                    ScopeLogs =
                    {
                        new ScopeLogs
                        {
                            LogRecords =
                            {
                                new LogRecord
                                {
                                    TimeUnixNano = StartNanos,
                                    SeverityNumber = (SeverityNumber)10,
                                    SeverityText = "Information",
                                    Body = new AnyValue { StringValue = "Routed {PetitionId}" },
                                    Attributes = { Attribute("PetitionId", "p-1") },
                                    TraceId = ByteString.CopyFrom(TraceBytes),
                                    SpanId = ByteString.CopyFrom(SpanBytes),
                                },
                            },
                        },
                    },
                },
            },
        };

        var log = Assert.Single(OtlpDecoder.Logs(ExportLogsServiceRequest.Parser.ParseFrom(request.ToByteArray())));

        Assert.Equal("routing", log.Service);
        Assert.Equal(LogSeverity.Info, log.Severity);
        Assert.Equal("Information", log.SeverityText);
        Assert.Equal("Routed {PetitionId}", log.Body);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", log.TraceId);
        Assert.Equal("00f067aa0ba902b7", log.SpanId);
        Assert.Equal("p-1", log.Attributes["PetitionId"]);
    }

    [Fact]
    public void Sums_gauges_and_histograms_become_points_of_their_series()
    {
        var request = new ExportMetricsServiceRequest
        {
            ResourceMetrics =
            {
                new ResourceMetrics
                {
                    Resource = new Resource { Attributes = { Attribute("service.name", "intake") } },
                    ScopeMetrics =
                    {
                        new ScopeMetrics
                        {
                            Metrics =
                            {
                                new Metric
                                {
                                    Name = "petition.registered", Unit = "{petition}",
                                    Sum = new Sum { IsMonotonic = true, DataPoints = { new NumberDataPoint { TimeUnixNano = StartNanos, AsInt = 3, Attributes = { Attribute("channel", "online") } } } },
                                },
                                new Metric
                                {
                                    Name = "outbox.depth",
                                    Gauge = new Gauge { DataPoints = { new NumberDataPoint { TimeUnixNano = StartNanos, AsDouble = 2.5 } } },
                                },
                                new Metric
                                {
                                    Name = "http.server.request.duration", Unit = "s",
                                    Histogram = new Histogram
                                    {
                                        DataPoints =
                                        {
                                            new HistogramDataPoint
                                            {
                                                TimeUnixNano = StartNanos, Count = 4, Sum = 2, Min = 0.1, Max = 1.2,
                                                ExplicitBounds = { 0.5, 1 }, BucketCounts = { 2, 1, 1 },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        };

        var points = OtlpDecoder.MetricPoints(ExportMetricsServiceRequest.Parser.ParseFrom(request.ToByteArray())).ToList();

        Assert.Equal(3, points.Count);
        var registered = points[0];
        Assert.Equal(("petition.registered", MetricType.Sum, true, "intake", "{petition}"), (registered.Name, registered.Type, registered.Monotonic, registered.Service, registered.Unit));
        Assert.Equal(3, registered.Sample.Value);
        Assert.Equal("online", registered.Attributes["channel"]);
        Assert.Equal((MetricType.Gauge, 2.5), (points[1].Type, points[1].Sample.Value));
        var histogram = points[2].Sample;
        Assert.Equal(MetricType.Histogram, points[2].Type);
        Assert.Equal((4UL, 2.0, 0.5), (histogram.Count!.Value, histogram.Sum!.Value, histogram.Value));
        Assert.Equal([0.5, 1], histogram.Bounds!);
        Assert.Equal([2UL, 1, 1], histogram.BucketCounts!);
    }

    [Theory]
    [InlineData(1, "Trace")]
    [InlineData(8, "Debug")]
    [InlineData(9, "Info")]
    [InlineData(16, "Warn")]
    [InlineData(17, "Error")]
    [InlineData(24, "Fatal")]
    [InlineData(0, "Unspecified")]
    public void Severity_numbers_fall_into_their_bands(int number, string band) =>
        Assert.Equal(Enum.Parse<LogSeverity>(band), OtlpDecoder.Severity(number));

    private static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };
}
