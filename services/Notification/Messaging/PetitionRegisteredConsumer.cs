using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>
/// Records each registered petition, because notices quote the petition number and the unit that received it. Runs behind the inbox: the row and the inbox entry
/// commit together, so a redelivered event changes nothing.
/// </summary>
public sealed class PetitionRegisteredConsumer(NotificationDbContext db) : IConsumer<PetitionRegistered>
{
    public Task Consume(ConsumeContext<PetitionRegistered> context)
    {
        var message = context.Message;
        db.KnownPetitions.Add(new KnownPetition
        {
            PetitionId = message.PetitionId,
            Number = message.Number,
            ReceivedBy = message.ReceivedBy,
            RegisteredAt = message.OccurredAt,
        });
        return Task.CompletedTask;
    }
}
