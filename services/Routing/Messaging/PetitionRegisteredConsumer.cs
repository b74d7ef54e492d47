using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Messaging;

/// <summary>
/// Records each registered petition, because routing decides from the topic, the place the matter arose and the unit that received it. Runs behind the inbox: the row and the inbox entry
/// commit together, so a redelivered event changes nothing.
/// </summary>
public sealed class PetitionRegisteredConsumer(RoutingDbContext db) : IConsumer<PetitionRegistered>
{
    public Task Consume(ConsumeContext<PetitionRegistered> context)
    {
        var message = context.Message;
        db.RoutingRequests.Add(new RoutingRequest
        {
            PetitionId = message.PetitionId,
            Kind = message.Kind,
            Topic = message.Topic,
            RegionCode = message.RegionCode,
            ReceivedBy = message.ReceivedBy,
            RegisteredAt = message.OccurredAt,
        });
        return Task.CompletedTask;
    }
}
