using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Tells the lead unit of a joint case that a co-handler's findings (会办意见) are there to read before it answers.</summary>
public sealed class CaseFindingsAddedConsumer(NotificationWriter writer) : IConsumer<CaseFindingsAdded>
{
    public async Task Consume(ConsumeContext<CaseFindingsAdded> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            MessagePlanner.ForFindingsAdded(context.Message, file), context.CancellationToken);
    }
}
