namespace PetitionPlatform.Hosting.Dashboard.Telemetry;

/// <summary>
/// Metrics as series: one per instrument, service and attribute set, each holding its most recent
/// <see cref="TelemetryLimits.MetricPointsPerSeries"/> points. When more than <see cref="TelemetryLimits.MetricSeries"/>
/// series exist, the one updated longest ago is forgotten.
/// </summary>
internal sealed class MetricStore(TelemetryLimits limits)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);
    private readonly Dictionary<SeriesKey, Series> _series = [];
    private long _updates;

    public TelemetryLimits Limits => limits;

    public void Add(IEnumerable<TelemetryMetricPoint> points)
    {
        lock (_gate)
        {
            foreach (var point in points)
            {
                AddLocked(point);
            }
        }
    }

    /// <summary>Every instrument that still has a series, by name.</summary>
    public IReadOnlyList<InstrumentSummary> Instruments()
    {
        lock (_gate)
        {
            return _series.Values
                .GroupBy(s => s.Key.Name, StringComparer.Ordinal)
                .Select(group =>
                {
                    var instrument = _instruments[group.Key];
                    var latest = group.Select(s => s.Latest).MaxBy(p => p.Time)!;
                    return new InstrumentSummary(
                        instrument.Name, instrument.Description, instrument.Unit, instrument.Type, instrument.Monotonic,
                        [.. group.Select(s => s.Key.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                        group.Count(), latest);
                })
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>The instrument's series (of one service when given), or null when no series of that name is held.</summary>
    public InstrumentSeries? Find(string name, string? service)
    {
        lock (_gate)
        {
            if (!_instruments.TryGetValue(name, out var instrument))
            {
                return null;
            }

            var series = _series.Values
                .Where(s => s.Key.Name == name && (service is null || s.Key.Service == service))
                .OrderBy(s => s.Key.Service, StringComparer.Ordinal)
                .ThenBy(s => s.Key.Attributes, StringComparer.Ordinal)
                .Select(s => new SeriesSnapshot(s.Key.Service, s.Attributes, s.Points()))
                .ToList();
            return new InstrumentSeries(instrument.Name, instrument.Description, instrument.Unit, instrument.Type, instrument.Monotonic, series);
        }
    }

    private void AddLocked(TelemetryMetricPoint point)
    {
        var key = new SeriesKey(point.Name, point.Service, AttributeKey(point.Attributes));
        if (!_series.TryGetValue(key, out var series))
        {
            // Make room before adding, so the newcomer itself is never the one that goes.
            if (_series.Count >= limits.MetricSeries)
            {
                var stalest = _series.Values.MinBy(s => s.LastUpdate)!;
                _series.Remove(stalest.Key);
                if (!_series.Keys.Any(k => k.Name == stalest.Key.Name))
                {
                    _instruments.Remove(stalest.Key.Name);
                }
            }

            series = new Series(key, point.Attributes, limits.MetricPointsPerSeries);
            _series.Add(key, series);
        }

        // The description and unit may be filled in by a later export; the newest word wins.
        _instruments[point.Name] = new Instrument(point.Name, point.Description, point.Unit, point.Type, point.Monotonic);
        series.Add(point.Sample, ++_updates);
    }

    private static string AttributeKey(IReadOnlyDictionary<string, object?> attributes) =>
        string.Join('\u001f', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}\u001e{a.Value}"));

    private sealed record Instrument(string Name, string? Description, string? Unit, MetricType Type, bool Monotonic);

    private readonly record struct SeriesKey(string Name, string Service, string Attributes);

    private sealed class Series(SeriesKey key, IReadOnlyDictionary<string, object?> attributes, int capacity)
    {
        private readonly MetricSample[] _ring = new MetricSample[capacity];
        private long _written;

        public SeriesKey Key { get; } = key;

        public IReadOnlyDictionary<string, object?> Attributes { get; } = attributes;

        public long LastUpdate { get; private set; }

        public MetricSample Latest => _ring[(_written - 1) % _ring.Length];

        public void Add(MetricSample sample, long update)
        {
            LastUpdate = update;
            if (_written > 0)
            {
                var latest = Latest;
                if (sample.Time < latest.Time)
                {
                    // A retried old batch: the series already moved on.
                    return;
                }

                if (sample.Time == latest.Time)
                {
                    _ring[(_written - 1) % _ring.Length] = sample;
                    return;
                }
            }

            _ring[_written % _ring.Length] = sample;
            _written++;
        }

        public MetricSample[] Points()
        {
            var count = (int)Math.Min(_written, _ring.Length);
            var points = new MetricSample[count];
            for (var i = 0; i < count; i++)
            {
                points[i] = _ring[(_written - count + i) % _ring.Length];
            }

            return points;
        }
    }
}

internal sealed record InstrumentSummary(
    string Name, string? Description, string? Unit, MetricType Type, bool Monotonic, IReadOnlyList<string> Services, int SeriesCount, MetricSample Latest);

internal sealed record InstrumentSeries(
    string Name, string? Description, string? Unit, MetricType Type, bool Monotonic, IReadOnlyList<SeriesSnapshot> Series);

internal sealed record SeriesSnapshot(string Service, IReadOnlyDictionary<string, object?> Attributes, IReadOnlyList<MetricSample> Points);
