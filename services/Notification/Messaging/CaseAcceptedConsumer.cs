using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Tells the petitioner the matter was accepted and by when it will be answered.</summary>
public sealed class CaseAcceptedConsumer(NotificationWriter writer) : IConsumer<CaseAccepted>
{
    public async Task Consume(ConsumeContext<CaseAccepted> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            MessagePlanner.ForCaseAccepted(context.Message, file), context.CancellationToken);
    }
}
