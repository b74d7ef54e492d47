using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Data;

namespace PetitionPlatform.Supervision.Messaging;

/// <summary>
/// Adds every lifecycle event after registration to the petition's history, from which the ledger and the progress
/// view are rebuilt. One consumer, one queue (<c>supervision-lifecycle-events</c>), one purpose: keeping the history.
/// The inbox drops a redelivered message; the store drops the same event republished under another id.
/// </summary>
public sealed partial class LifecycleEventsConsumer(LedgerStore ledger, ILogger<LifecycleEventsConsumer> logger) :
    IConsumer<PetitionRouted>,
    IConsumer<RoutingDecisionRequired>,
    IConsumer<CaseOpened>,
    IConsumer<CaseAccepted>,
    IConsumer<CaseDeclined>,
    IConsumer<CoHandlersAdded>,
    IConsumer<CaseExtended>,
    IConsumer<CaseHearingRecorded>,
    IConsumer<CaseAnswered>,
    IConsumer<CaseEvaluated>,
    IConsumer<ReviewRequested>,
    IConsumer<PetitionTerminated>
{
    public Task Consume(ConsumeContext<PetitionRouted> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<RoutingDecisionRequired> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<CaseOpened> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<CaseAccepted> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<CaseDeclined> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<CoHandlersAdded> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<CaseExtended> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<CaseHearingRecorded> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<CaseAnswered> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<CaseEvaluated> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<ReviewRequested> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<PetitionTerminated> context) => RecordAsync(context);

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
