using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Tells the petitioner and the reviewing unit that a review or re-review was opened, and by when it is answered.</summary>
public sealed class ReviewRequestedConsumer(NotificationWriter writer) : IConsumer<ReviewRequested>
{
    public async Task Consume(ConsumeContext<ReviewRequested> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            MessagePlanner.ForReviewRequested(context.Message, file), context.CancellationToken);
    }
}
