using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Asks the common superior (or joint conference) to decide who handles a matter nobody is left to take.</summary>
public sealed class RoutingDecisionRequiredConsumer(NotificationWriter writer) : IConsumer<RoutingDecisionRequired>
{
    public async Task Consume(ConsumeContext<RoutingDecisionRequired> context)
    {
        var file = await writer.LoadFileAsync(context.Message.PetitionId, context.CancellationToken);
        await writer.AddAsync(context.MessageId!.Value, context.Message.PetitionId, file.Petition.Channel,
            MessagePlanner.ForRoutingDecisionRequired(context.Message, file), context.CancellationToken);
    }
}
