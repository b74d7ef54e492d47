using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Directory;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Deadlines;

/// <summary>
/// Runs the deadline evaluation over every clock the ledger knows, as of one instant: rebuilds each petition's clocks
/// from its events, asks <see cref="DeadlineRule"/> which notices are due, finds the recipients along the unit's chain
/// and issues each notice once.
/// </summary>
public sealed partial class DeadlineEvaluator(
    SupervisionDbContext db,
    NoticeIssuer issuer,
    OrgDirectoryClient directory,
    IOptions<SupervisionOptions> options,
    ILogger<DeadlineEvaluator> logger)
{
    /// <summary>Petitions rebuilt per round trip: enough to keep queries few, few enough to keep memory flat.</summary>
    private const int BatchSize = 200;

    /// <summary>Returns the notices this run issued (none that an earlier or concurrent run had issued).</summary>
    public async Task<IReadOnlyList<SupervisionNotice>> EvaluateAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        var policy = new DeadlinePolicy(options.Value.ReminderLead, options.Value.EscalationGrace);
        var issued = new List<SupervisionNotice>();
        Guid? after = null;
        while (true)
        {
            var petitionIds = await db.LedgerEvents.AsNoTracking()
                .Where(e => after == null || e.PetitionId > after.Value)
                .Select(e => e.PetitionId).Distinct().OrderBy(id => id).Take(BatchSize).ToListAsync(ct);
            if (petitionIds.Count == 0)
            {
                break;
            }

            after = petitionIds[^1];
            issued.AddRange(await EvaluateBatchAsync(petitionIds, asOf, policy, ct));
        }

        LogEvaluated(logger, asOf, issued.Count);
        return issued;
    }

    private async Task<List<SupervisionNotice>> EvaluateBatchAsync(
        List<Guid> petitionIds, DateTimeOffset asOf, DeadlinePolicy policy, CancellationToken ct)
    {
        var events = await db.LedgerEvents.AsNoTracking().Where(e => petitionIds.Contains(e.PetitionId)).ToListAsync(ct);
        var alreadyIssued = (await db.Notices.AsNoTracking().Where(n => petitionIds.Contains(n.PetitionId))
            .Select(n => n.DedupKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var leaders = await db.Leaders.AsNoTracking().Where(l => petitionIds.Contains(l.PetitionId)).ToDictionaryAsync(l => l.PetitionId, ct);

        var issued = new List<SupervisionNotice>();
        foreach (var petition in events.GroupBy(e => e.PetitionId))
        {
            var progress = LedgerProjection.Project(petition.Key, petition.Select(LedgerEventCodec.Decode));
            foreach (var watched in WatchedClock.Of(progress))
            {
                var chain = OrgChain.Alone(watched.Clock.OrgId);
                if (DeadlineRule.NeedsChain(watched, asOf) && !watched.Confidential)
                {
                    try
                    {
                        chain = await directory.ChainAsync(watched.Clock.OrgId, ct);
                    }
                    catch (DirectoryUnavailableException e)
                    {
                        // Without the superiors the copies and escalations would go astray; the next run tries again.
                        LogDirectoryUnavailable(logger, e, watched.PetitionId, watched.Clock.Stage);
                        continue;
                    }
                }

                foreach (var due in DeadlineRule.Due(watched, asOf, policy, chain.EscalationLevels, alreadyIssued))
                {
                    var leader = leaders.GetValueOrDefault(watched.PetitionId);
                    var (orgId, copiedTo) = chain.RecipientsOf(due.Kind, due.Level, watched.Confidential);
                    var notice = await issuer.IssueAsync(new SupervisionNotice
                    {
                        Id = Guid.CreateVersion7(),
                        Kind = due.Kind,
                        PetitionId = watched.PetitionId,
                        OrgId = orgId,
                        CopiedToOrgIds = [.. copiedTo],
                        Reason = NoticeReasons.ForDeadline(due, watched.Clock.OrgId, leader),
                        IssuedAt = asOf,
                        Stage = watched.Clock.Stage,
                        CaseId = watched.Clock.CaseId,
                        DueBy = watched.Clock.DueBy,
                        Level = due.Level,
                        Leader = leader?.Leader,
                        DedupKey = due.Key,
                    }, ct);
                    if (notice is not null)
                    {
                        issued.Add(notice);
                        LogIssued(logger, notice.Kind, notice.Level, notice.Stage, notice.PetitionId, notice.OrgId);
                    }
                }
            }
        }

        return issued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline evaluation as of {AsOf} issued {Count} notices")]
    private static partial void LogEvaluated(ILogger logger, DateTimeOffset asOf, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued {Kind} notice (level {Level}) on the {Stage} clock of petition {PetitionId} to {OrgId}")]
    private static partial void LogIssued(ILogger logger, string kind, int level, string stage, Guid petitionId, string orgId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory unavailable: the overdue {Stage} clock of petition {PetitionId} waits for the next evaluation")]
    private static partial void LogDirectoryUnavailable(ILogger logger, Exception exception, Guid petitionId, string stage);
}
