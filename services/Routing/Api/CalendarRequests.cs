using System.Globalization;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Routing.Api;

/// <summary>A year's holiday notice as operators send it: days as <c>yyyy-MM-dd</c> (China), read as text so a bad one is named.</summary>
public sealed record HolidayNoticeRequest(List<HolidayRunRequest?>? Holidays, List<string?>? Workdays, string? Reference)
{
    /// <summary>The notice, or the fields that are wrong (<c>holidays[2].last</c>, <c>workdays[0]</c>, …).</summary>
    public (HolidayNotice? Notice, Dictionary<string, string[]> Problems) ToNotice(int year)
    {
        var problems = new Dictionary<string, string[]>();
        List<HolidayRun> runs = [];
        if (Holidays is not { Count: > 0 and <= HolidayNotice.MaxRuns })
        {
            problems["holidays"] = [$"The notice's holidays: 1 to {HolidayNotice.MaxRuns} runs [{{ first, last }}], days written yyyy-MM-dd."];
        }
        else
        {
            for (var i = 0; i < Holidays.Count; i++)
            {
                if (Holidays[i] is not { } run)
                {
                    problems[$"holidays[{i}]"] = ["A run of holidays { first, last }."];
                    continue;
                }

                var first = Day(run.First, $"holidays[{i}].first", problems);
                var last = Day(run.Last, $"holidays[{i}].last", problems);
                if (first is { } f && last is { } l)
                {
                    runs.Add(new HolidayRun(f, l));
                }
            }
        }

        List<DateOnly> workdays = [];
        if (Workdays?.Count > HolidayNotice.MaxWorkdays)
        {
            problems["workdays"] = [$"At most {HolidayNotice.MaxWorkdays} exchanged working days."];
        }

        for (var i = 0; Workdays is not null && i < Workdays.Count && i < HolidayNotice.MaxWorkdays; i++)
        {
            if (Day(Workdays[i], $"workdays[{i}]", problems) is { } day)
            {
                workdays.Add(day);
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var notice = new HolidayNotice(year, runs, workdays, Reference?.Trim() ?? "");
        var rules = notice.Problems();
        return rules.Count > 0 ? (null, rules) : (notice, rules);
    }

    private static DateOnly? Day(string? text, string field, Dictionary<string, string[]> problems)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems[field] = [string.IsNullOrWhiteSpace(text) ? "Required: a day written yyyy-MM-dd." : $"'{text}' is not a day written yyyy-MM-dd."];
        return null;
    }
}

public sealed record HolidayRunRequest(string? First, string? Last);
