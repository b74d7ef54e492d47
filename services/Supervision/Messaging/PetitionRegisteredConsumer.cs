using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Messaging;

/// <summary>
/// Records each registered petition, because the intake clock starts at registration, and indicators group by channel, kind, topic and region. Runs behind the inbox: the row and the inbox entry
/// commit together, so a redelivered event changes nothing.
/// </summary>
public sealed class PetitionRegisteredConsumer(SupervisionDbContext db) : IConsumer<PetitionRegistered>
{
    public Task Consume(ConsumeContext<PetitionRegistered> context)
    {
        var message = context.Message;
        db.LedgerPetitions.Add(new LedgerPetition
        {
            PetitionId = message.PetitionId,
            Number = message.Number,
            Channel = message.Channel,
            Kind = message.Kind,
            Topic = message.Topic,
            RegionCode = message.RegionCode,
            ReceivedBy = message.ReceivedBy,
            Headcount = message.Headcount,
            RegisteredAt = message.OccurredAt,
        });
        return Task.CompletedTask;
    }
}
