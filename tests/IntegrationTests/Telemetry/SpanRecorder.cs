using System.Collections.Concurrent;
using System.Diagnostics;

namespace PetitionPlatform.IntegrationTests.Telemetry;

/// <summary>
/// Records every finished span of the platform's sources in this process, where the services of a test run side by
/// side: the test sees the same spans their OTLP exporters would send, without a collector.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly string[] s_sources = ["Microsoft.AspNetCore", "System.Net.Http", "MassTransit", "PetitionPlatform.", "Npgsql"];

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => s_sources.Any(prefix => source.Name.StartsWith(prefix, StringComparison.Ordinal)),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> All => [.. _spans];

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _spans.Where(span => span.TraceId == traceId)];

    public void Dispose() => _listener.Dispose();
}
