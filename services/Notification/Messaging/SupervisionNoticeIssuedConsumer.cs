using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Sends each supervision notice to its unit and the units copied (DOMAIN.md §6: every notice reaches the unit in writing).</summary>
public sealed class SupervisionNoticeIssuedConsumer(NotificationWriter writer) : IConsumer<SupervisionNoticeIssued>
{
    public async Task Consume(ConsumeContext<SupervisionNoticeIssued> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            NoticePlanner.ForNotice(context.Message, file), context.CancellationToken);
    }
}
