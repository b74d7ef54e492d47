using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>
/// The receipt with number and query code. The event carries both and the channel, so it needs nothing else on file
/// and is never held up waiting for <c>PetitionRegistered</c>.
/// </summary>
public sealed class PetitionerReceiptRequestedConsumer(NotificationWriter writer) : IConsumer<PetitionerReceiptRequested>
{
    public Task Consume(ConsumeContext<PetitionerReceiptRequested> context) => writer.AddAsync(
        context.MessageId!.Value, context.Message.PetitionId, context.Message.Channel,
        MessagePlanner.ForReceipt(context.Message), context.CancellationToken);
}
