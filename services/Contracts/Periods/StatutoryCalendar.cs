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

    /// <summary>
    /// The calendar every clock of this process counts on: the data that ships with the platform, with each notice the
    /// operators loaded since (<see cref="Adopt"/>). One per process, as the country has one calendar: every service
    /// keeps the notices in its own database and adopts them at start and as they arrive, so the statutory periods stay
    /// plain functions of their dates wherever they are counted (docs/decisions.md 49).
    /// </summary>
    public static StatutoryCalendar China => s_current;

    private static volatile StatutoryCalendar s_current = new(HolidayCalendar.China);
    private static readonly Dictionary<int, DateTimeOffset> s_adopted = [];
    private static readonly Lock s_adopting = new();

    private readonly HolidayCalendar _holidays = holidays;

    /// <summary>Which days are rest days, as this calendar counts them.</summary>
    public HolidayCalendar Holidays => _holidays;

    /// <summary>
    /// Counts from now on with <paramref name="notice"/>, loaded at <paramref name="loadedAt"/>, as its year's
    /// arrangement; a notice for the same year loaded earlier than the one adopted changes nothing, so notices may
    /// arrive in any order, and twice. Whether the calendar changed.
    /// </summary>
    public static bool Adopt(HolidayNotice notice, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(notice);
        lock (s_adopting)
        {
            if (s_adopted.TryGetValue(notice.Year, out var adopted) && adopted >= loadedAt)
            {
                return false;
            }

            s_adopted[notice.Year] = loadedAt;
            s_current = new StatutoryCalendar(s_current._holidays.With(notice));
            return true;
        }
    }

    /// <summary>The day in China on which <paramref name="instant"/> falls.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    /// <summary>
    /// The last instant of a period of <paramref name="days"/> calendar days that starts at <paramref name="start"/>,
    /// and whether a yearly notice not yet loaded may still move it (<see cref="IsProvisional"/>).
    /// </summary>
    public DueDate Due(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var last = DayOf(start).AddDays(days);
        while (!_holidays.IsWorkingDay(last))
        {
            last = last.AddDays(1);
        }

        var dueBy = EndOf(last);
        return new DueDate(dueBy, IsProvisional(start, dueBy));
    }

    /// <summary>The last instant of a period, for callers that keep the instant only.</summary>
    public DateTimeOffset DueBy(DateTimeOffset start, int days) => Due(start, days).DueBy;

    /// <summary>
    /// Whether the period from <paramref name="start"/> to <paramref name="dueBy"/> was counted on the national rules
    /// for some year, because that year's notice is not loaded: its bridge days and exchanged weekends may still move
    /// the last day. The days counted are the day after the start through the last day (the starting day itself
    /// counts for nothing). Decided from the two instants alone, so that whoever shows a stored clock can tell,
    /// without knowing how many days it ran.
    /// </summary>
    public bool IsProvisional(DateTimeOffset start, DateTimeOffset dueBy)
    {
        var first = DayOf(start).AddDays(1).Year;
        var last = DayOf(dueBy).Year;
        for (var year = first; year <= last; year++)
        {
            if (!_holidays.HasNotice(year))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a period that ends at <paramref name="dueBy"/> has run out at <paramref name="now"/>.</summary>
    public static bool IsOverdue(DateTimeOffset dueBy, DateTimeOffset now) => now > dueBy;

    private static DateTimeOffset EndOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset).AddDays(1).AddTicks(-TimeSpan.TicksPerSecond);
}

