using System.Collections.Concurrent;
using System.Text.Json;

namespace PetitionPlatform.Contracts.Periods;

/// <summary>
/// Which days of mainland China are rest days: Saturdays and Sundays, plus the published public holidays, minus the
/// weekend days worked in exchange. The data ships with the code (<c>Periods/holidays.json</c>). For a year whose
/// notice is not in the data yet, the holidays of the national rules (<see cref="NationalHolidayRules"/>) count, so a
/// period running into that year is not cut short; what the notice will add (bridge days, 调休) is not known, which is
/// why a date counted on such a year is provisional.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly HashSet<int> _publishedYears;

    /// <summary>The national holidays of the unpublished years asked about so far; a calendar is shared by every request.</summary>
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _nationalHolidays = new();

    public HolidayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, IEnumerable<int> publishedYears)
    {
        _holidays = [.. holidays];
        _workdays = [.. workdays];
        _publishedYears = [.. publishedYears];
    }

    /// <summary>The calendar in the data file that ships with the platform.</summary>
    public static HolidayCalendar China { get; } = LoadEmbedded();

    /// <summary>
    /// This calendar with <paramref name="notice"/> as its year's arrangement, in place of the one in the data or of the
    /// national rules; every other year as it was.
    /// </summary>
    public HolidayCalendar With(HolidayNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new HolidayCalendar(
            _holidays.Where(d => d.Year != notice.Year).Concat(notice.HolidayDays),
            _workdays.Where(d => d.Year != notice.Year).Concat(notice.Workdays),
            _publishedYears.Append(notice.Year));
    }

    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (!IsHoliday(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>Whether the State Council's notice for <paramref name="year"/> is in the data, not only the national rules.</summary>
    public bool HasNotice(int year) => _publishedYears.Contains(year);

    /// <summary>The holidays and the exchanged working days of <paramref name="year"/>, as this calendar counts them, in date order.</summary>
    public (IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> Workdays) ArrangementOf(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var days = Enumerable.Range(0, first.AddYears(1).DayNumber - first.DayNumber).Select(first.AddDays).ToList();
        return ([.. days.Where(IsHoliday)], [.. days.Where(d => _workdays.Contains(d))]);
    }

    private bool IsHoliday(DateOnly day) =>
        HasNotice(day.Year)
            ? _holidays.Contains(day)
            : _nationalHolidays.GetOrAdd(day.Year, year => [.. NationalHolidayRules.HolidaysOf(year)]).Contains(day);

    public static HolidayCalendar Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        List<DateOnly> holidays = [];
        List<DateOnly> workdays = [];
        List<int> years = [];
        foreach (var year in document.RootElement.GetProperty("years").EnumerateObject())
        {
            years.Add(int.Parse(year.Name, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var range in year.Value.GetProperty("holidays").EnumerateArray())
            {
                var first = DateOnly.Parse(range[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                var last = DateOnly.Parse(range[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                for (var day = first; day <= last; day = day.AddDays(1))
                {
                    holidays.Add(day);
                }
            }

            workdays.AddRange(year.Value.GetProperty("workdays").EnumerateArray()
                .Select(d => DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new HolidayCalendar(holidays, workdays, years);
    }

    private static HolidayCalendar LoadEmbedded()
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream("PetitionPlatform.Contracts.Periods.holidays.json")
            ?? throw new InvalidOperationException("The holiday data (Periods/holidays.json) is not embedded in the contracts assembly.");
        return Parse(stream);
    }
}
