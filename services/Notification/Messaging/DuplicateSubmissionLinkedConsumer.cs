using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Data;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>
/// A duplicate gets no message of its own beyond the receipt (the original is being handled, and its messages go to
/// the original's code); what notification needs is the duplicate's query-code hash, so that the petitioner can read
/// that receipt with the code it printed.
/// </summary>
public sealed class DuplicateSubmissionLinkedConsumer(NotificationDbContext db) : IConsumer<DuplicateSubmissionLinked>
{
    public Task Consume(ConsumeContext<DuplicateSubmissionLinked> context) => db.RememberPetitionerCodeAsync(
        context.Message.PetitionId, context.Message.TrackingCodeHash, context.Message.OccurredAt, context.CancellationToken);
}
