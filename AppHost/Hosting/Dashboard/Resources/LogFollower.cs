using System.Threading.Channels;
using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Dashboard.Resources;

/// <summary>
/// One live-tail client's view of a resource's log: the recent lines, then every new one through a bounded queue. A client
/// that reads too slowly loses the oldest queued lines, and is told how many, rather than growing the host's memory.
/// </summary>
internal sealed class LogFollower : IDisposable
{
    private readonly Channel<LogLine> _queue;
    private readonly IDisposable _subscription;
    private int _dropped;

    public LogFollower(ResourceLogs logs, int tail, int queueCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueCapacity);
        _queue = Channel.CreateBounded<LogLine>(
            new BoundedChannelOptions(queueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = false, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        (Snapshot, _subscription) = logs.Follow(tail, line => _queue.Writer.TryWrite(line));
    }

    /// <summary>The lines that were there when following began, oldest first.</summary>
    public IReadOnlyList<LogLine> Snapshot { get; }

    /// <summary>Waits until a new line (or news of dropped ones) is there; false once following ended.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _queue.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>How many lines were dropped since the last call, then the lines queued now.</summary>
    public (int Dropped, IReadOnlyList<LogLine> Lines) Drain()
    {
        var dropped = Interlocked.Exchange(ref _dropped, 0);
        var lines = new List<LogLine>();
        while (_queue.Reader.TryRead(out var line))
        {
            lines.Add(line);
        }

        return (dropped, lines);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _queue.Writer.TryComplete();
    }
}
