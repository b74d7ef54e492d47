using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>
/// A registration period cut along China calendar days: the whole months it covers, the whole days outside those
/// months, and the stretches of day at its ends. The ledger keeps its sums per month and per day, so a period of
/// years reads a row per region and month, not per day.
/// </summary>
/// <param name="WholeMonths">First days of the whole months, first included, end excluded; null when it covers none.</param>
/// <param name="WholeDays">Runs of whole days outside those months (at most two), first included, end excluded.</param>
/// <param name="Edges">The parts of days at the ends, as half-open intervals of instants.</param>
public sealed record PeriodDays(
    (DateOnly First, DateOnly End)? WholeMonths,
    IReadOnlyList<(DateOnly First, DateOnly End)> WholeDays,
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset Until)> Edges)
{
    /// <summary>Cuts [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static PeriodDays Of(DateTimeOffset from, DateTimeOffset until)
    {
        var first = StatutoryCalendar.DayOf(from);
        if (Midnight(first) < from)
        {
            first = first.AddDays(1);
        }

        // The day that holds the end is never whole: the end is exclusive.
        var end = StatutoryCalendar.DayOf(until);
        if (first >= end)
        {
            return new PeriodDays(null, [], from < until ? [(from, until)] : []);
        }

        var edges = new List<(DateTimeOffset, DateTimeOffset)>(2);
        if (from < Midnight(first))
        {
            edges.Add((from, Midnight(first)));
        }

        if (Midnight(end) < until)
        {
            edges.Add((Midnight(end), until));
        }

        var firstMonth = first.Day == 1 ? first : MonthOf(first).AddMonths(1);
        var endMonth = MonthOf(end);
        if (firstMonth >= endMonth)
        {
            return new PeriodDays(null, [(first, end)], edges);
        }

        var days = new List<(DateOnly, DateOnly)>(2);
        if (first < firstMonth)
        {
            days.Add((first, firstMonth));
        }

        if (endMonth < end)
        {
            days.Add((endMonth, end));
        }

        return new PeriodDays((firstMonth, endMonth), days, edges);
    }

    /// <summary>The first day of the day's month: the key of the month's sums.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateTimeOffset Midnight(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), StatutoryCalendar.ChinaOffset);
}
