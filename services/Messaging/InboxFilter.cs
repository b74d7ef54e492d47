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
        var seen = await db.Set<InboxMessage>()
            .AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken);
        if (seen)
        {
            MessagingTelemetry.Duplicates.Add(1);
            LogDuplicate(logger, messageId, consumer);
            return;
        }

        db.Set<InboxMessage>().Add(new InboxMessage
        {
            MessageId = messageId,
            Consumer = consumer,
            MessageType = typeof(TMessage).Name,
            PetitionId = (context.Message as IPetitionEvent)?.PetitionId,
            ProcessedAt = time.GetUtcNow(),
            TraceParent = Activity.Current?.Id,
            TraceState = Activity.Current?.TraceStateString,
        });

        await next.Send(context);

        // A concurrent delivery of the same message loses on the inbox primary key and is retried, then skipped.
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} was already processed by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}
