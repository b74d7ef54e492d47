using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>
/// The receipt with number and query code. The event carries both (the code sealed) and the channel, so it needs
/// nothing else on file and is never held up waiting for <c>PetitionRegistered</c>. The code is opened only here, in
/// memory, to mask the kept copy and seal the text to deliver.
/// </summary>
public sealed class PetitionerReceiptRequestedConsumer(NotificationWriter writer, ReceiptSealing sealing) : IConsumer<PetitionerReceiptRequested>
{
    public Task Consume(ConsumeContext<PetitionerReceiptRequested> context)
    {
        var e = context.Message;
        var code = e.SealedTrackingCode is { } sealedCode ? sealing.OpenBase64(sealedCode) : e.TrackingCode
            ?? throw new InvalidOperationException($"The receipt of petition {e.PetitionId} carries no query code.");
        return writer.AddAsync(context.MessageId!.Value, e.PetitionId, e.Channel, MessagePlanner.ForReceipt(e, code), context.CancellationToken);
    }
}
