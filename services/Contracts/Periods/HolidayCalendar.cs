using System.Text.Json;

namespace PetitionPlatform.Contracts.Periods;

/// <summary>
/// Which days of mainland China are rest days: Saturdays and Sundays, plus the published public holidays, minus the
/// weekend days worked in exchange. The data ships with the code (<c>Periods/holidays.json</c>). For a year whose
/// notice is not in the data yet, the holidays fixed by date in the national holiday rules (1 January, 1–2 May,
/// 1–3 October) still count, so a period running into the new year is not cut short.
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly (int Month, int Day)[] s_fixedDateHolidays = [(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)];

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly HashSet<int> _publishedYears;

    public HolidayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, IEnumerable<int> publishedYears)
    {
        _holidays = [.. holidays];
        _workdays = [.. workdays];
        _publishedYears = [.. publishedYears];
    }

    /// <summary>The calendar in the data file that ships with the platform.</summary>
    public static HolidayCalendar China { get; } = LoadEmbedded();

    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (!IsHoliday(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    private bool IsHoliday(DateOnly day) =>
        _publishedYears.Contains(day.Year) ? _holidays.Contains(day) : s_fixedDateHolidays.Contains((day.Month, day.Day));

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
