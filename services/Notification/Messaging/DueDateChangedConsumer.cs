using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Tells whoever a moved clock binds (the unit, or the petitioner for their review window) its new date.</summary>
public sealed class DueDateChangedConsumer(NotificationWriter writer) : IConsumer<DueDateChanged>
{
    public async Task Consume(ConsumeContext<DueDateChanged> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            MessagePlanner.ForDueDateChanged(context.Message, file), context.CancellationToken);
    }
}
