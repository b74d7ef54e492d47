using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>
/// Records each registered petition: notices quote its number, the petitioner is written to through the door it came
/// in by, and asks for their messages with the query code whose hash is kept. Runs behind the inbox: the row and the
/// inbox entry commit together, so a redelivered event changes nothing.
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
            // Npgsql stores timestamptz from UTC values only; events may carry China time.
            RegisteredAt = message.OccurredAt,
            TrackingCodeHash = message.TrackingCodeHash,
            Channel = message.Channel,
            Kind = message.Kind,
        });
        return Task.CompletedTask;
    }
}
