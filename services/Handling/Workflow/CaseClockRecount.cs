using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Domain;
using PetitionPlatform.Messaging;
using PetitionPlatform.Messaging.Calendar;

namespace PetitionPlatform.Handling.Workflow;

/// <summary>
/// A holiday notice just kept: the cases whose running clock may end in its year are counted again, and each clock
/// that moved is announced (DueDateChanged) to supervision's ledger and to the unit. Only a clock that ends in the
/// notice's year or later can move (a period ending before the year never reaches its days), and only one still running.
/// Saved with the notice by the inbox, in the consumer's transaction; a case changed at the same moment makes the save
/// fail on its row version and the whole delivery is tried again.
/// </summary>
public sealed partial class CaseClockRecount(HandlingDbContext db, TimeProvider time, ILogger<CaseClockRecount> logger) : IDueDateRecount
{
    public async Task RecountAsync(HolidayNotice notice, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var from = notice.MovesDatesFrom(now);
        var running = await db.Cases
            .Where(c => (c.Status == CaseStatuses.AwaitingAcceptance && c.AcceptanceDueBy >= from)
                || (c.Status == CaseStatuses.InProgress && c.HandlingDueBy >= from)
                || ((c.Status == CaseStatuses.Answered || c.Status == CaseStatuses.Evaluated) && c.ReviewDueBy >= from)
                || ((c.Status == CaseStatuses.AwaitingAcceptance || c.Status == CaseStatuses.InProgress) && c.ReportBackDueBy >= from))
            .ToListAsync(ct);
        var moved = 0;
        foreach (var @case in running)
        {
            foreach (var move in @case.RecountClocks(now))
            {
                db.AddToOutbox(new DueDateChanged(@case.PetitionId, @case.Id, @case.OrgId, move.Clock, @case.Stage, move.StartedAt,
                    move.PreviousDueBy, move.DueBy, notice.Year, notice.Reference, @case.Confidential, now), time);
                moved++;
            }
        }

        LogRecounted(logger, notice.Year, running.Count, moved);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holiday notice of {Year}: {Running} running case clock(s) counted again, {Moved} moved")]
    private static partial void LogRecounted(ILogger logger, int year, int running, int moved);
}
