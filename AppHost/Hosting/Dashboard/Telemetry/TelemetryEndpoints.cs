using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Hosting.Dashboard.Otlp;

namespace PetitionPlatform.Hosting.Dashboard.Telemetry;

/// <summary>The telemetry part of the dashboard: its stores, the OTLP receiver that fills them, and the JSON API the pages read.</summary>
internal static class TelemetryEndpoints
{
    public static IServiceCollection AddDashboardTelemetry(this IServiceCollection services, TelemetryLimits limits) => services
        .AddSingleton(limits)
        .AddSingleton<TraceStore>()
        .AddSingleton<LogStore>()
        .AddSingleton<MetricStore>();

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        OtlpReceiver.Map(endpoints);

        endpoints.MapGet("/api/telemetry/limits", (TelemetryLimits limits, TraceStore traces) =>
            new { limits.Spans, limits.Traces, limits.Logs, limits.MetricSeries, limits.MetricPointsPerSeries, spansHeld = traces.SpanCount, traces.DroppedSpans });

        endpoints.MapGet("/api/traces", ListTraces);
        endpoints.MapGet("/api/traces/{traceId}", GetTrace);
        endpoints.MapGet("/api/logs", ListLogs);
        endpoints.MapGet("/api/metrics", (MetricStore metrics) => metrics.Instruments());
        endpoints.MapGet("/api/metrics/{name}", GetMetric);
    }

    private static Results<Ok<List<TraceSummary>>, ValidationProblem> ListTraces(
        TraceStore traces, string? service, string? status, string? minDurationMs, string? petitionId, string? limit)
    {
        var (query, errors) = TelemetryQueries.Traces(service, status, minDurationMs, petitionId, limit);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The trace query is not valid");
        }

        return TypedResults.Ok(traces.All()
            .Select(TraceViews.Summarize)
            .Where(query.Matches)
            .OrderByDescending(t => t.Start)
            .Take(query.Limit)
            .ToList());
    }

    private static Results<Ok<TraceDetail>, ValidationProblem, ProblemHttpResult> GetTrace(TraceStore traces, LogStore logs, string traceId)
    {
        if (TelemetryQueries.NormalizeTraceId(traceId) is not { } id)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["traceId"] = ["A trace id is 32 hexadecimal digits (the gateway's X-Trace-Id)."] },
                title: "The trace id is not valid");
        }

        if (traces.Find(id) is not { } spans)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Trace not found",
                detail: $"No span of trace {id} has been received, or the trace was evicted (the dashboard keeps the last {traces.Limits.Traces} traces).");
        }

        return TypedResults.Ok(TraceViews.Detail(spans, logs.Query(l => l.TraceId == id, TelemetryQueries.MaxLimit)));
    }

    private static Results<Ok<IReadOnlyList<TelemetryLog>>, ValidationProblem> ListLogs(
        LogStore logs, string? service, string? traceId, string? minSeverity, string? limit)
    {
        var (query, errors) = TelemetryQueries.Logs(service, traceId, minSeverity, limit);
        return query is null
            ? TypedResults.ValidationProblem(errors, title: "The log query is not valid")
            : TypedResults.Ok(logs.Query(query.Matches, query.Limit));
    }

    private static Results<Ok<InstrumentSeries>, ProblemHttpResult> GetMetric(MetricStore metrics, string name, string? service) =>
        metrics.Find(name, string.IsNullOrWhiteSpace(service) ? null : service) is { } series
            ? TypedResults.Ok(series)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Instrument not found",
                detail: $"No service has exported a metric named '{name}' yet, or its series were evicted.");
}
