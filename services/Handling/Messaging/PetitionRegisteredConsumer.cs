using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.Handling.Messaging;

/// <summary>
/// Records each registered petition, because cases show the petition number, reports (检举控告) must stay confidential, and
/// the petitioner evaluates an answer by proving the query code. Runs behind the inbox: the row and the inbox entry
/// commit together, so a redelivered event changes nothing.
/// </summary>
public sealed class PetitionRegisteredConsumer(HandlingDbContext db) : IConsumer<PetitionRegistered>
{
    public Task Consume(ConsumeContext<PetitionRegistered> context)
    {
        var message = context.Message;
        db.KnownPetitions.Add(new KnownPetition
        {
            PetitionId = message.PetitionId,
            Number = message.Number,
            Kind = message.Kind,
            RegionCode = message.RegionCode,
            RegisteredAt = message.OccurredAt,
            TrackingCodeHash = message.TrackingCodeHash,
        });
        return Task.CompletedTask;
    }
}
