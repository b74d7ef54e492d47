using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Domain;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.Handling.Messaging;

/// <summary>
/// Turns a routing decision into a case at the responsible unit. A later decision (after a decline or a reroute by a
/// superior) closes the petition's case that is still open, so that exactly one unit is answerable at a time.
/// Runs behind the inbox; on top of that, one case per (petition, unit, stage, attempt) is a unique constraint, and a
/// decision older than a case already opened is recognised as stale and changes nothing. A terminated matter gets no
/// new case. Decisions and the termination of one petition take turns (<see cref="PetitionTurns"/>).
/// </summary>
public sealed partial class PetitionRoutedConsumer(HandlingDbContext db, TimeProvider time, ILogger<PetitionRoutedConsumer> logger)
    : IConsumer<PetitionRouted>
{
    public async Task Consume(ConsumeContext<PetitionRouted> context)
    {
        var routed = context.Message;
        var ct = context.CancellationToken;
        await db.TakePetitionTurnAsync(routed.PetitionId, ct);
        if (await db.Terminations.AnyAsync(t => t.PetitionId == routed.PetitionId, ct))
        {
            // The matter was concluded (终结) wherever it stood; a decision made before routing learnt of it opens nothing.
            LogTerminated(logger, routed.PetitionId, routed.Attempt);
            return;
        }

        var cases = await db.Cases
            .Where(c => c.PetitionId == routed.PetitionId && c.Stage == CaseStages.Original)
            .ToListAsync(ct);

        if (cases.Any(c => c.RoutingAttempt >= routed.Attempt))
        {
            // The same decision replayed under a new message id, or an older one overtaken by a newer decision.
            LogStaleDecision(logger, routed.PetitionId, routed.Attempt);
            return;
        }

        foreach (var earlier in cases.Where(c => CaseStateMachine.IsOpen(c.Status)))
        {
            earlier.Supersede(routed.OccurredAt);
            LogSuperseded(logger, earlier.Id, routed.PetitionId);
        }

        if (routed.Mode == RoutingModes.GuideToLegal)
        {
            // The matter belongs to litigation: the court is told and the petitioner directed there; no unit handles it here.
            LogGuidedToLegal(logger, routed.PetitionId);
            return;
        }

        var opened = Case.Open(routed with { Confidential = routed.Confidential || await IsReportAsync(routed.PetitionId, ct) },
            Guid.CreateVersion7(time.GetUtcNow()));
        db.Cases.Add(opened);
        db.AddToOutbox(new CaseOpened(
            opened.PetitionId, opened.Id, opened.OrgId, opened.Stage, opened.Mode, opened.AcceptanceDueBy,
            opened.ReportBackDueBy, opened.Confidential, opened.OpenedAt), time);
        LogOpened(logger, opened.Id, routed.PetitionId, opened.AcceptanceDueBy);
    }

    /// <summary>Routing marks reports confidential; if the registration says it is a report, the case is confidential all the same.</summary>
    private Task<bool> IsReportAsync(Guid petitionId, CancellationToken ct) =>
        db.KnownPetitions.AnyAsync(p => p.PetitionId == petitionId && p.Kind == PetitionKinds.Report, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened case {CaseId} for petition {PetitionId}; acceptance due by {DueBy}")]
    private static partial void LogOpened(ILogger logger, Guid caseId, Guid petitionId, DateTimeOffset dueBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed case {CaseId}: petition {PetitionId} was routed again")]
    private static partial void LogSuperseded(ILogger logger, Guid caseId, Guid petitionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Petition {PetitionId} was guided into a legal procedure; no case is opened")]
    private static partial void LogGuidedToLegal(ILogger logger, Guid petitionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored routing decision {Attempt} for petition {PetitionId}: the matter is terminated")]
    private static partial void LogTerminated(ILogger logger, Guid petitionId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored routing decision {Attempt} for petition {PetitionId}: a case of that or a later decision exists")]
    private static partial void LogStaleDecision(ILogger logger, Guid petitionId, int attempt);
}
