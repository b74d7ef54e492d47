using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Sends the petitioner the written answer, and how and until when to ask for review.</summary>
public sealed class CaseAnsweredConsumer(NotificationWriter writer) : IConsumer<CaseAnswered>
{
    public async Task Consume(ConsumeContext<CaseAnswered> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            MessagePlanner.ForCaseAnswered(context.Message, file), context.CancellationToken);
    }
}
