namespace PetitionPlatform.Contracts.Periods;

/// <summary>
/// The days and instants the platform takes from a request: years 1900 through 2999. .NET's dates end at years 1 and
/// 9999, so a day at either end breaks the calendar's arithmetic (China's offset, the day after a <c>to</c> date, a
/// statutory period added) with an exception, which answered 500 (found by the fuzz, issue 13); every real petition's
/// dates lie well inside. One rule for every service that reads a date or an instant.
/// </summary>
public static class AcceptedDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);

    public const string Range = "Dates from 1900-01-01 to 2999-12-31 are accepted.";

    public static bool Holds(DateOnly day) => day >= Earliest && day <= Latest;

    /// <summary>By the instant's day in UTC: a bound a few hours either side changes nothing, it only keeps off the ends.</summary>
    public static bool Holds(DateTimeOffset instant) => Holds(DateOnly.FromDateTime(instant.UtcDateTime));
}
