using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Messaging;

/// <summary>
/// Adds a lifecycle event after registration to the petition's history, from which the ledger and the progress view are
/// rebuilt: one consumer per event of <see cref="LifecycleEvents"/>, all on one queue (<c>supervision-lifecycle-events</c>)
/// with one purpose, keeping the history. The inbox drops a redelivered message; the store drops the same event
/// republished under another id.
/// </summary>
public sealed partial class LifecycleEventConsumer<TEvent>(LedgerStore ledger, ILogger<LifecycleEventConsumer<TEvent>> logger)
    : IConsumer<TEvent>
    where TEvent : class, IPetitionEvent
{
    public Task Consume(ConsumeContext<TEvent> context) => RecordAsync(context);

    private async Task RecordAsync<T>(ConsumeContext<T> context) where T : class, IPetitionEvent
    {
        // Never null here: the inbox refuses a message without an id before any consumer runs.
        var messageId = context.MessageId!.Value;
        if (await ledger.RecordAsync(context.Message, messageId, context.CancellationToken))
        {
            LogRecorded(logger, typeof(T).Name, context.Message.PetitionId);
        }
        else
        {
            LogAlreadyKnown(logger, typeof(T).Name, context.Message.PetitionId, messageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventType} recorded in the ledger of petition {PetitionId}")]
    private static partial void LogRecorded(ILogger logger, string eventType, Guid petitionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventType} of petition {PetitionId} was already in the ledger; message {MessageId} skipped")]
    private static partial void LogAlreadyKnown(ILogger logger, string eventType, Guid petitionId, Guid messageId);
}

/// <summary>Puts every lifecycle consumer on the one queue the ledger's history has always been kept from.</summary>
public sealed class LifecycleEventConsumerDefinition<TEvent> : ConsumerDefinition<LifecycleEventConsumer<TEvent>>
    where TEvent : class, IPetitionEvent
{
    public const string Queue = "supervision-lifecycle-events";

    public LifecycleEventConsumerDefinition() => EndpointName = Queue;
}

public static class LifecycleEventConsumers
{
    /// <summary>A consumer for each event of <see cref="LifecycleEvents"/> but registration, which has a consumer of its own.</summary>
    public static void AddLifecycleEventConsumers(this IBusRegistrationConfigurator bus)
    {
        foreach (var type in LifecycleEvents.Order.Keys.Where(type => type != typeof(PetitionRegistered)))
        {
            bus.AddConsumer(typeof(LifecycleEventConsumer<>).MakeGenericType(type), typeof(LifecycleEventConsumerDefinition<>).MakeGenericType(type));
        }
    }
}
