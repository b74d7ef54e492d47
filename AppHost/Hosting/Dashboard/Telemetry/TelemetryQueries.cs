using System.Globalization;

namespace PetitionPlatform.Hosting.Dashboard.Telemetry;

/// <summary>
/// The query strings of the telemetry API, checked before anything is searched. Each parser returns the query or the
/// errors by parameter name, which become the problem document's <c>errors</c> map.
/// </summary>
internal static class TelemetryQueries
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static (TraceQuery? Query, Dictionary<string, string[]> Errors) Traces(
        string? service, string? status, string? minDurationMs, string? petitionId, string? limit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        SpanStatus? wanted = status switch
        {
            null or "" => null,
            "error" => SpanStatus.Error,
            "ok" => SpanStatus.Ok,
            _ => Fail(errors, "status", "Use 'error' (traces with a failed span) or 'ok' (traces without one)."),
        };
        double? minimum = null;
        if (minDurationMs is { Length: > 0 })
        {
            if (double.TryParse(minDurationMs, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 && double.IsFinite(parsed))
            {
                minimum = parsed;
            }
            else
            {
                errors["minDurationMs"] = ["Give a duration in milliseconds, 0 or more."];
            }
        }

        var count = Limit(limit, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new TraceQuery(Blank(service), wanted, minimum, Blank(petitionId), count), errors);
    }

    public static (LogQuery? Query, Dictionary<string, string[]> Errors) Logs(string? service, string? traceId, string? minSeverity, string? limit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? trace = null;
        if (traceId is { Length: > 0 })
        {
            trace = NormalizeTraceId(traceId);
            if (trace is null)
            {
                errors["traceId"] = ["A trace id is 32 hexadecimal digits (the gateway's X-Trace-Id)."];
            }
        }

        var severity = LogSeverity.Unspecified;
        if (minSeverity is { Length: > 0 } && !TryParseSeverity(minSeverity, out severity))
        {
            errors["minSeverity"] = ["Use trace, debug, info, warn, error or fatal."];
        }

        var count = Limit(limit, errors);
        return errors.Count > 0 ? (null, errors) : (new LogQuery(Blank(service), trace, severity, count), errors);
    }

    /// <summary>
    /// The trace id in its canonical form (32 lowercase hex digits), also from a pasted W3C <c>traceparent</c>
    /// (<c>00-&lt;trace id&gt;-&lt;span id&gt;-01</c>); null when it is neither or all zeros.
    /// </summary>
    public static string? NormalizeTraceId(string? text)
    {
        var candidate = text?.Trim() ?? "";
        var parts = candidate.Split('-');
        if (parts.Length == 4 && parts[0].Length == 2)
        {
            candidate = parts[1];
        }

        return candidate.Length == 32 && candidate.All(char.IsAsciiHexDigit) && candidate.Any(c => c != '0')
            ? candidate.ToLowerInvariant()
            : null;
    }

    private static bool TryParseSeverity(string text, out LogSeverity severity)
    {
        severity = text.ToLowerInvariant() switch
        {
            "trace" => LogSeverity.Trace,
            "debug" => LogSeverity.Debug,
            "info" or "information" => LogSeverity.Info,
            "warn" or "warning" => LogSeverity.Warn,
            "error" => LogSeverity.Error,
            "fatal" or "critical" => LogSeverity.Fatal,
            _ => LogSeverity.Unspecified,
        };
        return severity != LogSeverity.Unspecified;
    }

    private static int Limit(string? limit, Dictionary<string, string[]> errors)
    {
        if (limit is not { Length: > 0 })
        {
            return DefaultLimit;
        }

        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxLimit)
        {
            return count;
        }

        errors["limit"] = [$"Give a whole number from 1 to {MaxLimit}."];
        return DefaultLimit;
    }

    private static SpanStatus? Fail(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed record TraceQuery(string? Service, SpanStatus? Status, double? MinDurationMs, string? PetitionId, int Limit)
{
    public bool Matches(TraceSummary trace) =>
        (Service is null || trace.Services.Contains(Service, StringComparer.Ordinal))
        && (Status is null || (Status == SpanStatus.Error) == (trace.ErrorCount > 0))
        && (MinDurationMs is null || trace.DurationMs >= MinDurationMs)
        && (PetitionId is null || trace.PetitionIds.Contains(PetitionId, StringComparer.OrdinalIgnoreCase));
}

internal sealed record LogQuery(string? Service, string? TraceId, LogSeverity MinSeverity, int Limit)
{
    public bool Matches(TelemetryLog log) =>
        (Service is null || log.Service == Service)
        && (TraceId is null || log.TraceId == TraceId)
        && log.Severity >= MinSeverity;
}
