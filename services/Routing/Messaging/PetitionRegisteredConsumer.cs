using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Messaging;

/// <summary>
/// Makes the first routing decision for each registered petition and announces it (PetitionRouted). Runs behind the
/// inbox: the request, the decision, the outgoing event and the inbox entry commit together. A second copy of the
/// event under another message id finds the petition already known and changes nothing. A repeat petition goes back to
/// the unit that answered the original (<see cref="RepeatRouting"/>).
/// </summary>
public sealed partial class PetitionRegisteredConsumer(
    RoutingDbContext db, DirectoryCache directories, TimeProvider time, AuditTrail audit, ILogger<PetitionRegisteredConsumer> logger)
    : IConsumer<PetitionRegistered>
{
    public async Task Consume(ConsumeContext<PetitionRegistered> context)
    {
        var message = context.Message;
        if (await db.RoutingRequests.AnyAsync(r => r.PetitionId == message.PetitionId, context.CancellationToken))
        {
            LogAlreadyRouted(logger, message.PetitionId);
            return;
        }

        var request = new RoutingRequest
        {
            PetitionId = message.PetitionId,
            Kind = message.Kind,
            Topic = message.Topic,
            Subtopic = message.Subtopic,
            RegionCode = message.RegionCode,
            ReceivedBy = message.ReceivedBy,
            RegisteredAt = message.OccurredAt,
        };
        db.RoutingRequests.Add(request);

        var directory = await directories.GetAsync(db, context.CancellationToken);
        var now = time.GetUtcNow();
        var route = (message.RepeatRouteToOrgId is { } answeredBy
                ? RepeatRouting.Decide(request.Facts, directory, answeredBy, message.RepeatOfNumber)
                : null)
            ?? RoutingRules.Decide(request.Facts, directory, now);
        db.Record(request, 0, route, request.ReceivedBy, now, time, audit);
        LogRouted(logger, message.PetitionId, route.Mode, route.Responsible.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} routed ({Mode}) to {ResponsibleOrgId}")]
    private static partial void LogRouted(ILogger logger, Guid petitionId, string mode, string responsibleOrgId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} is already routed; registration event ignored")]
    private static partial void LogAlreadyRouted(ILogger logger, Guid petitionId);
}
