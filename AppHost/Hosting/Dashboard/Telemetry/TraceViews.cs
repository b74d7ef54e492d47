namespace PetitionPlatform.Hosting.Dashboard.Telemetry;

/// <summary>What the traces page shows of a trace: a summary row for the list, the spans laid out for the waterfall.</summary>
internal static class TraceViews
{
    /// <summary>The attribute that carries a petition's id on every span of petition work (never personal data).</summary>
    public const string PetitionIdAttribute = "petition.id";

    /// <param name="spans">One trace's spans, ordered by start.</param>
    public static TraceSummary Summarize(IReadOnlyList<TelemetrySpan> spans)
    {
        var root = Root(spans);
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        return new TraceSummary(
            root.TraceId,
            root.Name,
            root.Service,
            [.. spans.Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            spans.Count,
            spans.Count(s => s.Status == SpanStatus.Error),
            start,
            (end - start).TotalMilliseconds,
            PetitionIds(spans));
    }

    /// <summary>The spans in waterfall order (each parent followed by its children, by start) with depth and start offset.</summary>
    public static TraceDetail Detail(IReadOnlyList<TelemetrySpan> spans, IReadOnlyList<TelemetryLog> logs)
    {
        var summary = Summarize(spans);
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans
            .Where(s => s.ParentSpanId is { } parent && ids.Contains(parent))
            .ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);

        // A span whose parent has not arrived (or was never exported) starts a subtree of its own, so nothing is hidden.
        var roots = spans.Where(s => s.ParentSpanId is not { } parent || !ids.Contains(parent));
        var ordered = new List<SpanView>(spans.Count);
        var stack = new Stack<(TelemetrySpan Span, int Depth)>(roots.Reverse().Select(s => (s, 0)));
        while (stack.Count > 0)
        {
            var (span, depth) = stack.Pop();
            ordered.Add(new SpanView(
                span.SpanId,
                span.ParentSpanId,
                span.Service,
                span.Scope,
                span.Name,
                span.Kind,
                depth,
                span.Start,
                (span.Start - summary.Start).TotalMilliseconds,
                span.DurationMs,
                span.Status,
                span.StatusMessage,
                span.Attributes,
                [.. span.Events.Select(e => new SpanEventView(e.Name, e.Time, (e.Time - summary.Start).TotalMilliseconds, e.Attributes))],
                span.Links));
            foreach (var child in children[span.SpanId].Reverse())
            {
                stack.Push((child, depth + 1));
            }
        }

        return new TraceDetail(summary, ordered, [.. logs.OrderBy(l => l.Time)]);
    }

    private static TelemetrySpan Root(IReadOnlyList<TelemetrySpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        return spans.FirstOrDefault(s => s.ParentSpanId is null)
            ?? spans.FirstOrDefault(s => !ids.Contains(s.ParentSpanId!))
            ?? spans[0];
    }

    private static List<string> PetitionIds(IReadOnlyList<TelemetrySpan> spans) =>
    [
        .. spans
            .Select(s => s.Attributes.GetValueOrDefault(PetitionIdAttribute)?.ToString())
            .OfType<string>()
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal),
    ];
}

internal sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    IReadOnlyList<string> Services,
    int SpanCount,
    int ErrorCount,
    DateTimeOffset Start,
    double DurationMs,
    IReadOnlyList<string> PetitionIds);

internal sealed record TraceDetail(TraceSummary Trace, IReadOnlyList<SpanView> Spans, IReadOnlyList<TelemetryLog> Logs);

internal sealed record SpanView(
    string SpanId,
    string? ParentSpanId,
    string Service,
    string Scope,
    string Name,
    SpanKind Kind,
    int Depth,
    DateTimeOffset Start,
    double StartOffsetMs,
    double DurationMs,
    SpanStatus Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyList<SpanEventView> Events,
    IReadOnlyList<TelemetrySpanLink> Links);

internal sealed record SpanEventView(string Name, DateTimeOffset Time, double OffsetMs, IReadOnlyDictionary<string, object?> Attributes);
