namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>
/// The most recent output lines of one resource, bounded so a chatty service cannot grow the host without limit. Failure
/// messages quote its tail; a dashboard can take a snapshot and follow <see cref="LineAdded"/>.
/// </summary>
public sealed class ResourceLogs(int capacity = 2000)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _gate = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Raised on the thread that read the line; handlers must be quick.</summary>
    public event Action<LogLine>? LineAdded;

    public void Add(LogLine line)
    {
        lock (_gate)
        {
            if (_lines.Count == Capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }

        LineAdded?.Invoke(line);
    }

    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    /// <summary>The last <paramref name="count"/> lines, oldest first.</summary>
    public IReadOnlyList<LogLine> Tail(int count)
    {
        lock (_gate)
        {
            return [.. _lines.Skip(Math.Max(0, _lines.Count - count))];
        }
    }
}
