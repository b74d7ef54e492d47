namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>
/// The most recent output lines of one resource, bounded so a chatty service cannot grow the host without limit. Failure
/// messages quote its tail; a dashboard takes a snapshot and follows new lines with <see cref="Follow"/>.
/// </summary>
public sealed class ResourceLogs(int capacity = 2000)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _gate = new();

    public int Capacity { get; private set; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Raised on the thread that read the line, in the order lines were kept; handlers must be quick.</summary>
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

            // Raised under the lock so a follower sees every line exactly once: either in its snapshot or through the event.
            LineAdded?.Invoke(line);
        }
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

    /// <summary>
    /// The last <paramref name="count"/> lines and, from the next line on, every new one passed to <paramref name="onLine"/>
    /// until the returned subscription is disposed; taken together, so no line is missed or seen twice.
    /// </summary>
    public (IReadOnlyList<LogLine> Snapshot, IDisposable Subscription) Follow(int count, Action<LogLine> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        lock (_gate)
        {
            LineAdded += onLine;
            return ([.. _lines.Skip(Math.Max(0, _lines.Count - count))], new Unsubscriber(this, onLine));
        }
    }

    /// <summary>Changes how many lines are kept (from configuration, before the host starts), dropping the oldest if needed.</summary>
    internal void Resize(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        lock (_gate)
        {
            Capacity = capacity;
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    private sealed class Unsubscriber(ResourceLogs logs, Action<LogLine> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (logs._gate)
                {
                    logs.LineAdded -= handler;
                }
            }
        }
    }
}
