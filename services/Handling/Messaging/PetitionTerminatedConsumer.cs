using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.Handling.Messaging;

/// <summary>
/// Records that a matter is terminated (终结), so that no case of it can be contested again, and closes a case of the
/// petition that is still open: a political-legal organ's record ends the matter wherever it stands. Runs behind the
/// inbox; the termination is one row per petition, so handling's own termination (after a re-review answer) coming
/// back, or a second record, changes nothing. It takes its turn with the petition's routing decisions
/// (<see cref="PetitionTurns"/>), so a case opened at the same moment is closed, not left open.
/// </summary>
public sealed partial class PetitionTerminatedConsumer(HandlingDbContext db, ILogger<PetitionTerminatedConsumer> logger)
    : IConsumer<PetitionTerminated>
{
    public async Task Consume(ConsumeContext<PetitionTerminated> context)
    {
        var terminated = context.Message;
        var ct = context.CancellationToken;
        await db.TakePetitionTurnAsync(terminated.PetitionId, ct);
        if (await db.Terminations.AnyAsync(t => t.PetitionId == terminated.PetitionId, ct))
        {
            LogAlreadyTerminated(logger, terminated.PetitionId);
            return;
        }

        db.Terminations.Add(new Termination
        {
            PetitionId = terminated.PetitionId,
            OrgId = terminated.OrgId,
            Reason = terminated.Reason,
            RecordNumber = terminated.RecordNumber,
            TerminatedAt = terminated.OccurredAt,
        });
        var open = await db.Cases
            .Where(c => c.PetitionId == terminated.PetitionId
                && (c.Status == CaseStatuses.AwaitingAcceptance || c.Status == CaseStatuses.InProgress))
            .ToListAsync(ct);
        foreach (var c in open)
        {
            c.Terminate(terminated.OccurredAt);
        }

        LogTerminated(logger, terminated.PetitionId, terminated.Reason, open.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} terminated ({Reason}); {Closed} open case(s) closed")]
    private static partial void LogTerminated(ILogger logger, Guid petitionId, string reason, int closed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} was already terminated; nothing to do")]
    private static partial void LogAlreadyTerminated(ILogger logger, Guid petitionId);
}
