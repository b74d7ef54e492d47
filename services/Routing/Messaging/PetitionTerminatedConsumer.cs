using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Messaging;

/// <summary>
/// Keeps handling's terminations (a re-review answered) beside the political-legal records, so that routing refuses a
/// later record or a reroute of a concluded matter. Its own records coming back change nothing: one row per petition.
/// </summary>
public sealed partial class PetitionTerminatedConsumer(RoutingDbContext db, ILogger<PetitionTerminatedConsumer> logger)
    : IConsumer<PetitionTerminated>
{
    public async Task Consume(ConsumeContext<PetitionTerminated> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        if (await db.Terminations.AnyAsync(t => t.PetitionId == message.PetitionId, ct)
            || !await db.RoutingRequests.AnyAsync(r => r.PetitionId == message.PetitionId, ct))
        {
            LogNothingToRecord(logger, message.PetitionId);
            return;
        }

        db.Terminations.Add(new Termination
        {
            PetitionId = message.PetitionId,
            OrgId = message.OrgId,
            Kind = message.Reason,
            RecordNumber = message.RecordNumber,
            TerminatedAt = message.OccurredAt,
        });
        LogRecorded(logger, message.PetitionId, message.Reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} recorded as terminated ({Reason})")]
    private static partial void LogRecorded(ILogger logger, Guid petitionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Termination of petition {PetitionId} is already recorded or the petition is unknown here")]
    private static partial void LogNothingToRecord(ILogger logger, Guid petitionId);
}
