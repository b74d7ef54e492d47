using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Tells the petitioner that a hearing moved the review's answer date, and to when.</summary>
public sealed class CaseHearingRecordedConsumer(NotificationWriter writer) : IConsumer<CaseHearingRecorded>
{
    public async Task Consume(ConsumeContext<CaseHearingRecorded> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            MessagePlanner.ForCaseHearingRecorded(context.Message, file), context.CancellationToken);
    }
}
