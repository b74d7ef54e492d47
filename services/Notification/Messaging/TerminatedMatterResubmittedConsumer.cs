using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>
/// Tells the petitioner why a resubmitted terminated matter is not accepted. Only the petitioner hears of it: no unit
/// acts on it. Like the receipt, the event carries all it needs (number, channel), so it never waits for a
/// registration that will not come (intake publishes none for such a submission).
/// </summary>
public sealed class TerminatedMatterResubmittedConsumer(NotificationWriter writer, NotificationDbContext db)
    : IConsumer<TerminatedMatterResubmitted>
{
    public async Task Consume(ConsumeContext<TerminatedMatterResubmitted> context)
    {
        var e = context.Message;
        // The refusal is read with the new submission's own query code.
        await db.RememberPetitionerCodeAsync(e.PetitionId, e.TrackingCodeHash, e.OccurredAt, context.CancellationToken);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["number"] = e.Number,
            ["originalNumber"] = e.OriginalNumber,
            ["reason"] = e.TerminationReason switch
            {
                TerminationReasons.PoliticalLegal => "由政法机关依法处理",
                _ => "经复核作出答复",
            },
        };
        await writer.AddAsync(context.MessageId!.Value, e.PetitionId, e.Channel,
            [new PlannedMessage(TemplateNames.NotAcceptedTerminated, Recipient.PetitionerOf(e.PetitionId), values)],
            context.CancellationToken);
    }
}
