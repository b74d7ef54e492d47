using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.Routing.Data;

/// <summary>
/// A holiday notice being loaded: the disputes still waiting for their common superior whose date may fall in the
/// notice's year are counted again on the calendar with that notice, and each date that moved is announced
/// (DueDateChanged, clock <see cref="DueDateClocks.DisputeDecision"/>) to supervision's ledger and to the superior.
/// Saved with the notice, in the loading request's transaction; a decision taken at the same moment makes that save
/// fail on the row's version.
/// </summary>
public sealed partial class DisputeDateRecount(
    RoutingDbContext db, IOptions<DisputeOptions> disputes, TimeProvider time, ILogger<DisputeDateRecount> logger)
{
    public async Task RecountAsync(HolidayNotice notice, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var yearStarts = new DateTimeOffset(notice.Year, 1, 1, 0, 0, 0, StatutoryCalendar.ChinaOffset);
        var from = yearStarts > now ? yearStarts : now;
        // Counted on the notice itself, whether or not this process has adopted it yet (it does once the load commits).
        var calendar = new StatutoryCalendar(StatutoryCalendar.China.Holidays.With(notice));
        var waiting = await db.RoutingRequests
            .Where(r => r.AwaitingDecisionBy != null && r.AwaitingSince != null && r.DecideBy >= from)
            .ToListAsync(ct);
        var moved = 0;
        foreach (var request in waiting)
        {
            var previous = request.DecideBy!.Value;
            if (request.RecountDecideBy(calendar, disputes.Value.DisputeDecisionPeriod, now) is not { } dueBy)
            {
                continue;
            }

            var latest = await db.RoutingDecisions.Where(d => d.PetitionId == request.PetitionId)
                .OrderByDescending(d => d.Attempt).FirstAsync(ct);
            db.AddToOutbox(new DueDateChanged(request.PetitionId, null, request.AwaitingDecisionBy!, DueDateClocks.DisputeDecision, null,
                request.AwaitingSince!.Value.ToOffset(StatutoryCalendar.ChinaOffset), previous.ToOffset(StatutoryCalendar.ChinaOffset),
                dueBy.ToOffset(StatutoryCalendar.ChinaOffset), notice.Year, notice.Reference, latest.Confidential, now), time);
            moved++;
        }

        LogRecounted(logger, notice.Year, waiting.Count, moved);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holiday notice of {Year}: {Waiting} waiting dispute(s) counted again, {Moved} moved")]
    private static partial void LogRecounted(ILogger logger, int year, int waiting, int moved);
}
