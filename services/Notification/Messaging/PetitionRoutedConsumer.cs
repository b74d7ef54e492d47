using MassTransit;
using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>
/// Keeps the routing decision (later declines are reported to whoever made it) and tells the petitioner where the
/// matter went, or, for guide-to-legal, that it is not accepted and which procedure to use, telling the court too.
/// </summary>
public sealed class PetitionRoutedConsumer(NotificationDbContext db, NotificationWriter writer) : IConsumer<PetitionRouted>
{
    public async Task Consume(ConsumeContext<PetitionRouted> context)
    {
        var e = context.Message;
        var file = await writer.LoadFileAsync(e.PetitionId, context.CancellationToken);
        if (!file.Decisions.Any(d => d.Attempt == e.Attempt))
        {
            var decision = new RoutingDecision
            {
                PetitionId = e.PetitionId,
                Attempt = e.Attempt,
                DecidedBy = e.OrgId,
                Mode = e.Mode,
                ResponsibleOrgId = e.ResponsibleOrgId,
                ResponsibleOrgName = e.ResponsibleOrgName,
                Confidential = e.Confidential,
                DecidedAt = e.OccurredAt,
            };
            db.RoutingDecisions.Add(decision);
            // The messages are planned from the file as it stands once this decision is kept.
            file = file with { Decisions = [.. file.Decisions, decision] };
        }

        await writer.AddAsync(context.MessageId!.Value, e.PetitionId, file.Petition.Channel,
            MessagePlanner.ForRouting(e, file), context.CancellationToken);
    }
}
