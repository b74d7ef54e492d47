using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Tells the petitioner the handling period was extended, by how long and why.</summary>
public sealed class CaseExtendedConsumer(NotificationWriter writer) : IConsumer<CaseExtended>
{
    public async Task Consume(ConsumeContext<CaseExtended> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            MessagePlanner.ForCaseExtended(context.Message, file), context.CancellationToken);
    }
}
