using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>Tells the unit whose routing decision was declined that the matter came back, and why.</summary>
public sealed class CaseDeclinedConsumer(NotificationWriter writer) : IConsumer<CaseDeclined>
{
    public async Task Consume(ConsumeContext<CaseDeclined> context)
    {
        var e = context.Message;
        var file = await writer.LoadFileAsync(e.PetitionId, context.CancellationToken);
        // PetitionRouted travels on its own queue; until the decision is on file there is nobody to tell, so wait for it.
        if (file.DecisionSendingTo(e.OrgId) is null)
        {
            throw new PetitionNotYetKnownException($"No routing decision on file sent petition {e.PetitionId} to {e.OrgId} yet.");
        }

        await writer.AddAsync(context.MessageId!.Value, e.PetitionId, file.Petition.Channel,
            MessagePlanner.ForCaseDeclined(e, file), context.CancellationToken);
    }
}
