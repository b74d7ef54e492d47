using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;

namespace PetitionPlatform.Messaging;

/// <summary>
/// <c>petition.messages.set_aside</c>: how many messages of this service wait for an operator (outbox rows and consumed
/// messages together). A counter says when one was set aside; this gauge says that some still are, which is what an
/// alert should fire on. Refreshed by the release worker with two indexed counts.
/// </summary>
public sealed class SetAsideCount
{
    private long _count;

    public SetAsideCount(IMeterFactory meters) =>
        meters.Create(MessagingTelemetry.MeterName).CreateObservableGauge(
            "petition.messages.set_aside", () => Volatile.Read(ref _count), "{message}", "Messages set aside until an operator replays them");

    public long Current => Volatile.Read(ref _count);

    internal async Task RefreshAsync(DbContext db, CancellationToken cancellationToken)
    {
        var outbox = await db.Set<OutboxMessage>().LongCountAsync(m => m.SentAt == null && m.SetAsideAt != null, cancellationToken);
        var consumed = await db.Set<HeldMessage>().LongCountAsync(m => m.ReleaseAt == null, cancellationToken);
        Volatile.Write(ref _count, outbox + consumed);
    }
}
