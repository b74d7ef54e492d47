using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Routing.Api;

/// <summary>
/// A year of the calendar as clocks count it. <c>source</c>: <c>loaded</c> (an operator loaded its notice, named by
/// <c>reference</c>), <c>shipped</c> (its notice is in the data the platform ships with) or <c>national-rules</c> (no
/// notice yet: the holidays of the national rules, no exchanged working days, and every due date counted on the year
/// is provisional).
/// </summary>
public sealed record CalendarYear(
    int Year, string Source, string? Reference, DateTimeOffset? LoadedAt, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> Workdays,
    bool Provisional)
{
    public static CalendarYear Loaded(HolidayNotice notice, DateTimeOffset loadedAt) =>
        new(notice.Year, "loaded", notice.Reference, loadedAt, [.. notice.HolidayDays.Order()], [.. notice.Workdays.Order()], false);

    public static CalendarYear Counted(int year, StatutoryCalendar calendar)
    {
        var (holidays, workdays) = calendar.Holidays.ArrangementOf(year);
        var published = calendar.Holidays.HasNotice(year);
        return new CalendarYear(year, published ? "shipped" : "national-rules", null, null, holidays, workdays, !published);
    }
}
