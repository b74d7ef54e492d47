using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionPlatform.Data;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Directory;
using Npgsql;
using PetitionPlatform.Supervision.Domain;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Deadlines;

/// <summary>
/// Runs the deadline evaluation as of one instant over the petitions that need judging (<see cref="ClockWatch"/>):
/// those changed since they were last judged and those whose next check has come. Rebuilds each one's clocks from its
/// events, asks <see cref="DeadlineRule"/> which notices are due, finds the recipients along the unit's chain, issues
/// each notice once, and writes when the petition needs judging next, with its part in the indicators. Its work follows
/// the clocks that are due and the petitions that changed, not the petitions ever registered.
/// </summary>
public sealed partial class DeadlineEvaluator(
    SupervisionDbContext db,
    LedgerStore ledger,
    NoticeIssuer issuer,
    OrgDirectoryClient directory,
    PetitionHistories histories,
    IndicatorFactsStore indicators,
    IOptions<SupervisionOptions> options,
    ILogger<DeadlineEvaluator> logger)
{
    /// <summary>Petitions rebuilt per round trip: enough to keep queries few, few enough to keep memory flat.</summary>
    private const int BatchSize = 200;

    /// <summary>Returns the notices this run issued (none that an earlier or concurrent run had issued).</summary>
    public async Task<IReadOnlyList<SupervisionNotice>> EvaluateAsync(DateTimeOffset asOf, CancellationToken ct) =>
        (await RunAsync(asOf, ct)).Issued;

    /// <summary>How many petitions the run judged, and the notices it issued.</summary>
    public async Task<(int Judged, IReadOnlyList<SupervisionNotice> Issued)> RunAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        var policy = new DeadlinePolicy(options.Value.ReminderLead, options.Value.EscalationGrace);
        var issued = new List<SupervisionNotice>();
        var judged = 0;
        Guid? after = null;
        while (true)
        {
            // Keyed on the petition, not repeated until empty: a petition whose chain could not be read stays due, and
            // this run must still end.
            var due = await db.ClockWatches.AsNoTracking()
                .Where(w => (w.Changed || w.CheckAt <= asOf) && (after == null || w.PetitionId > after.Value))
                .OrderBy(w => w.PetitionId).Take(BatchSize)
                .Select(w => new DueWatch(w.PetitionId, w.Revision, w.Changed))
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                break;
            }

            // The database's order of ids, not .NET's: the next batch starts after the last one it gave.
            after = due[^1].PetitionId;
            judged += due.Count;
            issued.AddRange(await EvaluateBatchAsync(due, asOf, policy, ct));
        }

        LogEvaluated(logger, asOf, judged, issued.Count);
        return (judged, issued);
    }

    /// <summary>A petition to judge, with the revision of its watch as read, and whether events came since it was last judged.</summary>
    private sealed record DueWatch(Guid PetitionId, long Revision, bool Changed);

    /// <summary>What a run learned of a petition it judged: its earliest open deadline and when to judge it next (none: all done).</summary>
    private sealed record JudgedWatch(Guid PetitionId, long Revision, DateTimeOffset? EarliestDue, DateTimeOffset? NextCheck);

    /// <param name="due">The petitions to judge, in the database's order of ids, so that concurrent runs lock rows in one order.</param>
    private async Task<List<SupervisionNotice>> EvaluateBatchAsync(
        List<DueWatch> due, DateTimeOffset asOf, DeadlinePolicy policy, CancellationToken ct)
    {
        var petitionIds = due.Select(w => w.PetitionId).ToList();
        var alreadyIssued = (await db.Notices.AsNoTracking().Where(n => petitionIds.Contains(n.PetitionId))
            .Select(n => n.DedupKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var leaders = await db.Leaders.AsNoTracking().Where(l => petitionIds.Contains(l.PetitionId)).ToDictionaryAsync(l => l.PetitionId, ct);
        var progresses = (await ledger.ProgressOfAsync(petitionIds, ct)).ToDictionary(p => p.PetitionId);
        // A part changes only with the petition's events (a later repeat marks it changed too): one judged because its
        // next check came keeps the part it has, and a run of reminders reads no histories.
        var parts = (await histories.OfAsync([.. due.Where(w => w.Changed).Select(w => w.PetitionId)], ct)).Select(PetitionIndicators.Of).ToList();

        var notices = new List<(WatchedClock Watched, DueNotice Due, OrgChain Chain, PetitionLeader? Leader)>();
        var watches = new List<JudgedWatch>();
        foreach (var (petitionId, revision, _) in due)
        {
            DateTimeOffset? nextCheck = null;
            DateTimeOffset? earliestDue = null;
            var open = progresses.TryGetValue(petitionId, out var progress)
                ? WatchedClock.Of(progress).Where(w => w.Clock.DoneAt is null)
                : [];
            foreach (var watched in open)
            {
                earliestDue = Earlier(earliestDue, watched.Clock.DueBy);
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
                        nextCheck = Earlier(nextCheck, asOf);
                        continue;
                    }
                }

                notices.AddRange(DeadlineRule.Due(watched, asOf, policy, chain.EscalationLevels, alreadyIssued)
                    .Select(notice => (watched, notice, chain, leaders.GetValueOrDefault(watched.PetitionId))));
                nextCheck = Earlier(nextCheck, DeadlineRule.NextCheck(watched, asOf, policy, chain.EscalationLevels));
            }

            watches.Add(new JudgedWatch(petitionId, revision, earliestDue, nextCheck));
        }

        // One transaction for the batch's notices and watches, opened once the directory has answered (no remote call
        // inside it). A transaction per notice cost a commit each, which held a run of thousands of reminders to a few
        // dozen a second (docs/performance.md).
        var issued = new List<SupervisionNotice>();
        await using (var transaction = await db.Database.BeginWholeTransactionAsync(ct))
        {
            foreach (var (watched, notice, chain, leader) in notices)
            {
                if (await IssueAsync(watched, notice, chain, leader, asOf, ct) is { } sent)
                {
                    issued.Add(sent);
                }
            }

            // The parts only of petitions no event reached since they were read; those stay changed, and the indicators
            // judge them from their events until the next run writes them.
            var current = await LockUnchangedAsync(due, ct);
            await indicators.WriteAsync([.. parts.Where(p => current.Contains(p.PetitionId))], ct);
            await RememberAsync(watches, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        foreach (var notice in issued)
        {
            LogIssued(logger, notice.Kind, notice.Level, notice.Stage, notice.PetitionId, notice.OrgId);
        }

        return issued;
    }

    /// <summary>Inside the batch's transaction: the notice's row now, its event in the outbox at the batch's SaveChanges.</summary>
    private Task<SupervisionNotice?> IssueAsync(
        WatchedClock watched, DueNotice due, OrgChain chain, PetitionLeader? leader, DateTimeOffset asOf, CancellationToken ct)
    {
        var (orgId, copiedTo) = chain.RecipientsOf(due.Kind, due.Level, watched.Confidential);
        return issuer.IssueAsync(new SupervisionNotice
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
    }

    /// <summary>
    /// Writes when to judge each petition next, or forgets it when nothing is open; only where no event arrived since it
    /// was read (the revision), or it stays changed and the next run judges it with that event. One command for the
    /// batch: a statement per petition was a round trip each.
    /// </summary>
    private async Task RememberAsync(List<JudgedWatch> watches, CancellationToken ct)
    {
        var ids = watches.Select(w => w.PetitionId).ToArray();
        var revisions = watches.Select(w => w.Revision).ToArray();
        var checks = watches.Select(w => w.NextCheck?.ToUniversalTime()).ToArray();
        var dues = watches.Select(w => w.EarliestDue?.ToUniversalTime()).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE clock_watch AS w SET changed = false, check_at = v.check_at, earliest_due = v.earliest_due
            FROM unnest({ids}, {revisions}, {checks}, {dues}) AS v(petition_id, revision, check_at, earliest_due)
            WHERE w.petition_id = v.petition_id AND w.revision = v.revision AND v.earliest_due IS NOT NULL;
            DELETE FROM clock_watch AS w
            USING unnest({ids}, {revisions}, {dues}) AS v(petition_id, revision, earliest_due)
            WHERE w.petition_id = v.petition_id AND w.revision = v.revision AND v.earliest_due IS NULL;
            """, ct);
    }

    /// <summary>
    /// Locks the watches still at the revision this run read, in the order of ids, until the batch commits: a concurrent
    /// run of the same petitions waits, then finds the revision it read gone (an event came) or writes the same part.
    /// </summary>
    private async Task<HashSet<Guid>> LockUnchangedAsync(List<DueWatch> due, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand("""
            SELECT w.petition_id FROM clock_watch w
            JOIN unnest($1::uuid[], $2::bigint[]) AS v(petition_id, revision) ON w.petition_id = v.petition_id AND w.revision = v.revision
            ORDER BY w.petition_id FOR UPDATE OF w
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = due.Select(w => w.PetitionId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = due.Select(w => w.Revision).ToArray() });
        var unchanged = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            unchanged.Add(reader.GetGuid(0));
        }

        return unchanged;
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? current, DateTimeOffset? candidate) =>
        current is null ? candidate : candidate is null ? current : candidate < current ? candidate : current;

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline evaluation as of {AsOf} judged {Judged} petitions and issued {Count} notices")]
    private static partial void LogEvaluated(ILogger logger, DateTimeOffset asOf, int judged, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued {Kind} notice (level {Level}) on the {Stage} clock of petition {PetitionId} to {OrgId}")]
    private static partial void LogIssued(ILogger logger, string kind, int level, string stage, Guid petitionId, string orgId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory unavailable: the overdue {Stage} clock of petition {PetitionId} waits for the next evaluation")]
    private static partial void LogDirectoryUnavailable(ILogger logger, Exception exception, Guid petitionId, string stage);
}
