using System.Globalization;

namespace PetitionPlatform.Contracts.Periods;

/// <summary>
/// The days and instants the platform takes from a request: those the statutory calendar can count from, the years of
/// <see cref="NationalHolidayRules"/> (1901–2100) less the last, so that any period added to an accepted day (the longest
/// run well under a year) still ends in a year the calendar knows. Outside them the calendar's arithmetic throws (.NET's
/// dates end at years 1 and 9999, the lunisolar tables at 2100), which answered 500 (found by the fuzz, issue 13);
/// every real petition's dates lie well inside. One rule for every service that reads a date or an instant.
/// </summary>
public static class AcceptedDates
{
    public static readonly DateOnly Earliest = new(NationalHolidayRules.FirstYear, 1, 1);
    public static readonly DateOnly Latest = new(NationalHolidayRules.LastYear - 1, 12, 31);

    public static readonly string Range = string.Create(CultureInfo.InvariantCulture,
        $"Dates from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd} are accepted.");

    public static bool Holds(DateOnly day) => day >= Earliest && day <= Latest;

    /// <summary>By the instant's day in UTC: a bound a few hours either side changes nothing, it only keeps off the ends.</summary>
    public static bool Holds(DateTimeOffset instant) => Holds(DateOnly.FromDateTime(instant.UtcDateTime));
}
