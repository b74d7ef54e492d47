namespace PetitionPlatform.Contracts.Periods;

/// <summary>
/// Computes every statutory period of the platform (DOMAIN.md §5): calendar days counted from the day after the
/// starting event, in China Standard Time; a period whose last day is a rest day ends on the next working day, at
/// the end of that day. The rule is the Civil Code's (art. 201–203), which the petition regulation's periods follow;
/// "rest day" includes weekends, as courts read 法定休假日.
/// </summary>
public sealed class StatutoryCalendar(HolidayCalendar holidays)
{
    /// <summary>Asia/Shanghai has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tz database.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static StatutoryCalendar China { get; } = new(HolidayCalendar.China);

    /// <summary>The day in China on which <paramref name="instant"/> falls.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    /// <summary>The last instant of a period of <paramref name="days"/> calendar days that starts at <paramref name="start"/>.</summary>
    public DateTimeOffset DueBy(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var last = DayOf(start).AddDays(days);
        while (!holidays.IsWorkingDay(last))
        {
            last = last.AddDays(1);
        }

        return EndOf(last);
    }

    /// <summary>Whether a period that ends at <paramref name="dueBy"/> has run out at <paramref name="now"/>.</summary>
    public static bool IsOverdue(DateTimeOffset dueBy, DateTimeOffset now) => now > dueBy;

    private static DateTimeOffset EndOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset).AddDays(1).AddTicks(-TimeSpan.TicksPerSecond);
}
