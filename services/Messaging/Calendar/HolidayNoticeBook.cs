using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Messaging.Calendar;

/// <summary>
/// The holiday notices a service keeps (<c>holiday_notices</c>), which the process's calendar
/// (<see cref="StatutoryCalendar.China"/>) adopts: at start, now and then (<see cref="HolidayNoticeRefresh"/>), and
/// when one arrives.
/// </summary>
public sealed class HolidayNoticeBook(DbContext db)
{
    /// <summary>
    /// Stores <paramref name="notice"/> with the next <c>SaveChanges</c>, unless the same year's kept notice was loaded
    /// later (or at the same instant, i.e. it is this one). Whether it was new here: only then must what counts on it be
    /// counted again. The caller adopts it: before counting again in the same transaction, or once it committed.
    /// </summary>
    public async Task<bool> KeepAsync(HolidayNotice notice, DateTimeOffset loadedAt, CancellationToken ct)
    {
        var kept = await db.Set<HolidayNoticeRow>().SingleOrDefaultAsync(n => n.Year == notice.Year, ct);
        if (kept is not null && kept.LoadedAt >= loadedAt)
        {
            return false;
        }

        var row = HolidayNoticeRow.Of(notice, loadedAt);
        if (kept is null)
        {
            db.Set<HolidayNoticeRow>().Add(row);
        }
        else
        {
            (kept.Notice, kept.LoadedAt) = (row.Notice, row.LoadedAt);
        }

        return true;
    }

    /// <summary>The notice kept for <paramref name="year"/>, if one was loaded.</summary>
    public async Task<(HolidayNotice Notice, DateTimeOffset LoadedAt)?> FindAsync(int year, CancellationToken ct) =>
        await db.Set<HolidayNoticeRow>().AsNoTracking().SingleOrDefaultAsync(n => n.Year == year, ct) is { } row
            ? (row.ToNotice(), row.LoadedAt)
            : null;

    /// <summary>Adopts every kept notice: at start, and now and then for the notices another instance of the service kept.</summary>
    public async Task<int> AdoptKeptAsync(CancellationToken ct)
    {
        var adopted = 0;
        foreach (var row in await db.Set<HolidayNoticeRow>().AsNoTracking().ToListAsync(ct))
        {
            adopted += StatutoryCalendar.Adopt(row.ToNotice(), row.LoadedAt) ? 1 : 0;
        }

        return adopted;
    }
}
