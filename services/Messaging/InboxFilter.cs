using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data;
using PetitionPlatform.ServiceDefaults.Telemetry;

namespace PetitionPlatform.Messaging;

/// <summary>
/// Makes every consumer idempotent. Runs in the consumer's own scope, so it shares the consumer's DbContext: the
/// inbox row, the consumer's changes and any events it adds to the outbox commit in one transaction. A message
/// already in the inbox for this queue is acknowledged without running the consumer again. What the consumer needs
/// from another service is fetched first, outside the transaction (<see cref="IConsumePreparation{TMessage}"/>).
/// </summary>
public sealed partial class InboxFilter<TMessage>(
    DbContext db, IEnumerable<IConsumePreparation<TMessage>> preparations, TimeProvider time, ILogger<InboxFilter<TMessage>> logger)
    : IFilter<ConsumeContext<TMessage>> where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        // Consumer spans of petition work say which petition and unit, so one petition's whole journey can be found.
        PetitionAttributes.TagFrom(Activity.Current, context.Message);

        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; the inbox cannot deduplicate it.");
        // The queue name without the virtual host: the inbox belongs to one service's database, whatever broker it uses.
        var consumer = HeldMessages.QueueOf(context.ReceiveContext);

        foreach (var preparation in preparations.Where(p => p.Queue == consumer))
        {
            await preparation.PrepareAsync(context.Message, context.CancellationToken);
        }

        // A retry runs through here again with the same scope's context cleared, never with half-applied changes.
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginWholeTransactionAsync(context.CancellationToken);
        if (!await ClaimAsync(context.Message, messageId, consumer, context.CancellationToken))
        {
            MessagingTelemetry.Duplicates.Add(1);
            LogDuplicate(logger, messageId, consumer);
            return;
        }

        await next.Send(context);

        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>
    /// Writes the inbox row first, in the consumer's transaction, and says whether this delivery may go on. An insert
    /// that yields on conflict is the check and the claim in one statement: a copy of a message processed before finds
    /// its row, and a copy delivered while another instance is still processing it waits on that row's key, then is
    /// skipped once the other commits (or goes on if the other rolls back), instead of running the consumer a second
    /// time and failing at commit. The row rolls back with the consumer's work if that fails.
    /// </summary>
    private async Task<bool> ClaimAsync(TMessage message, Guid messageId, string consumer, CancellationToken ct)
    {
        var activity = Activity.Current;
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO inbox_messages (message_id, consumer, message_type, petition_id, processed_at, trace_parent, trace_state)
            VALUES ({messageId}, {consumer}, {typeof(TMessage).Name}, {(message as IPetitionEvent)?.PetitionId},
                    {time.GetUtcNow()}, {activity?.Id}, {activity?.TraceStateString})
            ON CONFLICT (message_id, consumer) DO NOTHING
            """, ct);
        return inserted == 1;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} was already processed by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}
