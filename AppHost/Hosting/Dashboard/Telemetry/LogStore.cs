namespace PetitionPlatform.Hosting.Dashboard.Telemetry;

/// <summary>The most recent <see cref="TelemetryLimits.Logs"/> log records of every service, in arrival order.</summary>
internal sealed class LogStore(TelemetryLimits limits)
{
    private readonly Lock _gate = new();
    private readonly TelemetryLog?[] _ring = new TelemetryLog?[limits.Logs];
    private long _written;

    public TelemetryLimits Limits => limits;

    public void Add(IEnumerable<TelemetryLog> logs)
    {
        lock (_gate)
        {
            foreach (var log in logs)
            {
                _ring[_written % _ring.Length] = log;
                _written++;
            }
        }
    }

    /// <summary>The newest records that match, newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<TelemetryLog> Query(Func<TelemetryLog, bool> matches, int limit)
    {
        var found = new List<TelemetryLog>(Math.Min(limit, 256));
        lock (_gate)
        {
            var oldest = Math.Max(0, _written - _ring.Length);
            for (var i = _written - 1; i >= oldest && found.Count < limit; i--)
            {
                var log = _ring[i % _ring.Length]!;
                if (matches(log))
                {
                    found.Add(log);
                }
            }
        }

        return found;
    }
}
