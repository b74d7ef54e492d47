using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Tells the petitioner that the matter is concluded (终结) and will not be accepted again.</summary>
public sealed class PetitionTerminatedConsumer(NotificationWriter writer) : IConsumer<PetitionTerminated>
{
    public async Task Consume(ConsumeContext<PetitionTerminated> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            MessagePlanner.ForTerminated(context.Message, file), context.CancellationToken);
    }
}
