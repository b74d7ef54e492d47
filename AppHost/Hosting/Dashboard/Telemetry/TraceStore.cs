namespace PetitionPlatform.Hosting.Dashboard.Telemetry;

/// <summary>
/// The spans received, grouped by trace. Spans of one trace arrive from several services in any order (a consumer's
/// batch may come before the gateway's), so nothing here expects a parent before its child: the tree is built when a
/// trace is read. Bounded by <see cref="TelemetryLimits.Traces"/> and <see cref="TelemetryLimits.Spans"/>: the trace
/// that was least recently added to goes first, whole, so a trace still receiving spans is kept.
/// </summary>
internal sealed class TraceStore(TelemetryLimits limits)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<TraceEntry>> _traces = new(StringComparer.Ordinal);

    // Least recently touched first.
    private readonly LinkedList<TraceEntry> _order = new();
    private int _spanCount;
    private long _droppedSpans;

    public TelemetryLimits Limits => limits;

    public int SpanCount
    {
        get
        {
            lock (_gate)
            {
                return _spanCount;
            }
        }
    }

    /// <summary>Spans refused because one trace alone outgrew the span limit.</summary>
    public long DroppedSpans => Interlocked.Read(ref _droppedSpans);

    public void Add(IEnumerable<TelemetrySpan> spans)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                AddLocked(span);
            }
        }
    }

    /// <summary>The trace's spans (ordered by start), or null when it is unknown or already evicted.</summary>
    public IReadOnlyList<TelemetrySpan>? Find(string traceId)
    {
        lock (_gate)
        {
            return _traces.TryGetValue(traceId, out var node) ? node.Value.Snapshot() : null;
        }
    }

    /// <summary>A snapshot of every trace held, newest-touched first.</summary>
    public IReadOnlyList<IReadOnlyList<TelemetrySpan>> All()
    {
        lock (_gate)
        {
            var traces = new List<IReadOnlyList<TelemetrySpan>>(_traces.Count);
            for (var node = _order.Last; node is not null; node = node.Previous)
            {
                traces.Add(node.Value.Snapshot());
            }

            return traces;
        }
    }

    private void AddLocked(TelemetrySpan span)
    {
        if (_traces.TryGetValue(span.TraceId, out var node))
        {
            _order.Remove(node);
            _order.AddLast(node);
        }
        else
        {
            node = _order.AddLast(new TraceEntry(span.TraceId));
            _traces.Add(span.TraceId, node);
        }

        // An exporter retrying a batch sends the same span again: it replaces, never doubles.
        if (node.Value.Put(span))
        {
            _spanCount++;
        }

        while (_traces.Count > limits.Traces || _spanCount > limits.Spans)
        {
            var oldest = _order.First!;
            if (oldest == node)
            {
                // This trace alone is over the limit: keep what it has and refuse the newcomer.
                node.Value.Remove(span.SpanId);
                _spanCount--;
                Interlocked.Increment(ref _droppedSpans);
                break;
            }

            _order.RemoveFirst();
            _traces.Remove(oldest.Value.TraceId);
            _spanCount -= oldest.Value.Count;
        }
    }

    private sealed class TraceEntry(string traceId)
    {
        private readonly Dictionary<string, TelemetrySpan> _spans = new(StringComparer.Ordinal);
        private TelemetrySpan[]? _snapshot;

        public string TraceId { get; } = traceId;

        public int Count => _spans.Count;

        /// <returns>Whether the span is new to the trace.</returns>
        public bool Put(TelemetrySpan span)
        {
            _snapshot = null;
            var added = !_spans.ContainsKey(span.SpanId);
            _spans[span.SpanId] = span;
            return added;
        }

        public void Remove(string spanId)
        {
            _snapshot = null;
            _spans.Remove(spanId);
        }

        // Readers share one immutable array until the next span arrives.
        public TelemetrySpan[] Snapshot() =>
            _snapshot ??= [.. _spans.Values.OrderBy(s => s.Start).ThenBy(s => s.SpanId, StringComparer.Ordinal)];
    }
}
