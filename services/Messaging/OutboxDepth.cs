using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;

namespace PetitionPlatform.Messaging;

/// <summary>
/// <c>petition.outbox.depth</c>: how many committed events still wait to be published. A gauge is read on every
/// collection (Prometheus scrapes, OTLP exports), so it reports a count the dispatcher refreshes at most every
/// <see cref="RefreshInterval"/> with one indexed query, instead of querying the database from the collector's thread.
/// </summary>
public sealed class OutboxDepth
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private long _depth;
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public OutboxDepth(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        meters.Create(MessagingTelemetry.MeterName).CreateObservableGauge(
            "petition.outbox.depth", () => Volatile.Read(ref _depth), "{message}", "Committed events not yet published to the broker");
    }

    public long Current => Volatile.Read(ref _depth);

    internal async Task RefreshIfStaleAsync(DbContext db, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - _refreshedAt < RefreshInterval)
        {
            return;
        }

        // Served by the partial index of unsent rows: cheap however large the table of sent ones grows.
        Volatile.Write(ref _depth, await db.Set<OutboxMessage>().LongCountAsync(m => m.SentAt == null && m.SetAsideAt == null, cancellationToken));
        _refreshedAt = now;
    }
}
