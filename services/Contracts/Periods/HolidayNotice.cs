using System.Globalization;

namespace PetitionPlatform.Contracts.Periods;

/// <summary>
/// The State Council General Office's notice on a year's holiday arrangements (国务院办公厅关于某年部分节假日安排的通知),
/// as operators load it: the year's public holidays, as runs of days, and the weekend days worked in exchange (调休上班).
/// The same shape as a year of <c>holidays.json</c>; <paramref name="Reference"/> is the notice's document number, so
/// that whoever sees a due date move can find the notice that moved it.
/// </summary>
public sealed record HolidayNotice(int Year, IReadOnlyList<HolidayRun> Holidays, IReadOnlyList<DateOnly> Workdays, string Reference)
{
    public const int MaxReferenceLength = 200;

    /// <summary>More runs than any notice has had (seven holidays, a few split), and far fewer than a mistake would give.</summary>
    public const int MaxRuns = 20;

    /// <summary>More exchanged working days than any notice has had (six to eight a year).</summary>
    public const int MaxWorkdays = 20;

    /// <summary>
    /// The earliest due date this notice can move once loaded at <paramref name="now"/>: a clock ending before the
    /// notice's year never reaches its days, and one that already ran out stays as it was.
    /// </summary>
    public DateTimeOffset MovesDatesFrom(DateTimeOffset now)
    {
        var yearStarts = new DateTimeOffset(Year, 1, 1, 0, 0, 0, StatutoryCalendar.ChinaOffset);
        return yearStarts > now ? yearStarts : now;
    }

    /// <summary>
    /// What is wrong with the notice, by field (<c>year</c>, <c>holidays[i]</c>, <c>workdays[i]</c>, <c>reference</c>);
    /// empty when it can be counted on. Every day must lie in the notice's year: a notice that begins New Year's holiday
    /// on a weekend of December (as 2024's did) needs no entry for that weekend, which is a rest day anyway.
    /// </summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (Year < AcceptedDates.Earliest.Year || Year > AcceptedDates.Latest.Year)
        {
            problems["year"] = [$"A year from {AcceptedDates.Earliest.Year} to {AcceptedDates.Latest.Year}."];
            return problems;
        }

        if (string.IsNullOrWhiteSpace(Reference) || Reference.Length > MaxReferenceLength || Reference.Any(char.IsControl))
        {
            problems["reference"] = [$"The notice's document number (e.g. 国办发明电〔{Year - 1}〕7号), at most {MaxReferenceLength} characters, no control characters."];
        }

        if (Holidays.Count is 0 or > MaxRuns)
        {
            problems["holidays"] = [$"The notice's holidays: 1 to {MaxRuns} runs of days."];
        }

        var holidays = new HashSet<DateOnly>();
        for (var i = 0; i < Holidays.Count && i < MaxRuns; i++)
        {
            var run = Holidays[i];
            if (run.First.Year != Year || run.Last.Year != Year)
            {
                problems[$"holidays[{i}]"] = [$"Both days must be in {Year}."];
            }
            else if (run.Last < run.First)
            {
                problems[$"holidays[{i}]"] = ["The last day cannot come before the first."];
            }
            else if (run.Last.DayNumber - run.First.DayNumber >= 10)
            {
                problems[$"holidays[{i}]"] = ["A run of holidays lasts at most 10 days."];
            }
            else if (!Days(run).All(holidays.Add))
            {
                problems[$"holidays[{i}]"] = ["The run overlaps an earlier one."];
            }
        }

        if (Workdays.Count > MaxWorkdays)
        {
            problems["workdays"] = [$"At most {MaxWorkdays} exchanged working days."];
        }

        for (var i = 0; i < Workdays.Count && i < MaxWorkdays; i++)
        {
            var day = Workdays[i];
            if (day.Year != Year)
            {
                problems[$"workdays[{i}]"] = [$"The day must be in {Year}."];
            }
            else if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                problems[$"workdays[{i}]"] = [string.Create(CultureInfo.InvariantCulture,
                    $"{day:yyyy-MM-dd} is a {day.DayOfWeek}: a day worked in exchange is a Saturday or a Sunday.")];
            }
            else if (holidays.Contains(day))
            {
                problems[$"workdays[{i}]"] = [string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} is also listed as a holiday.")];
            }
        }

        return problems;
    }

    /// <summary>Every holiday of the notice.</summary>
    public IEnumerable<DateOnly> HolidayDays => Holidays.SelectMany(Days);

    private static IEnumerable<DateOnly> Days(HolidayRun run)
    {
        for (var day = run.First; day <= run.Last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

/// <summary>Consecutive holidays, <paramref name="First"/> to <paramref name="Last"/> included (e.g. 2027's Spring Festival).</summary>
public sealed record HolidayRun(DateOnly First, DateOnly Last);
