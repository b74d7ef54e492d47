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
        var from = notice.MovesDatesFrom(now);
        // Counted on the notice itself, whether or not this process has adopted it yet (it does once the load commits).
        var calendar = new StatutoryCalendar(StatutoryCalendar.China.Holidays.With(notice));
        var waiting = await db.RoutingRequests
            .Where(r => r.AwaitingDecisionBy != null && r.AwaitingSince != null && r.DecideBy >= from)
            .ToListAsync(ct);
        var moved = new List<(RoutingRequest Request, DateTimeOffset Previous, DateTimeOffset DueBy)>();
        foreach (var request in waiting)
        {
            var previous = request.DecideBy!.Value;
            if (request.RecountDecideBy(calendar, disputes.Value.DisputeDecisionPeriod, now) is { } dueBy)
            {
                moved.Add((request, previous, dueBy));
            }
        }

        // Confidentiality is the latest decision's, as when the dispute was announced: read once for all that moved.
        var ids = moved.Select(m => m.Request.PetitionId).ToList();
        var confidential = (await db.RoutingDecisions.Where(d => ids.Contains(d.PetitionId))
                .Select(d => new { d.PetitionId, d.Attempt, d.Confidential }).ToListAsync(ct))
            .GroupBy(d => d.PetitionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Attempt)!.Confidential);
        foreach (var (request, previous, dueBy) in moved)
        {
            db.AddToOutbox(new DueDateChanged(request.PetitionId, null, request.AwaitingDecisionBy!, DueDateClocks.DisputeDecision, null,
                request.AwaitingSince!.Value.ToOffset(StatutoryCalendar.ChinaOffset), previous.ToOffset(StatutoryCalendar.ChinaOffset),
                dueBy.ToOffset(StatutoryCalendar.ChinaOffset), notice.Year, notice.Reference, confidential[request.PetitionId], now), time);
        }

        LogRecounted(logger, notice.Year, waiting.Count, moved.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holiday notice of {Year}: {Waiting} waiting dispute(s) counted again, {Moved} moved")]
    private static partial void LogRecounted(ILogger logger, int year, int waiting, int moved);
}
