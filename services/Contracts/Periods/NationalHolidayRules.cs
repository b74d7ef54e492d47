using System.Globalization;

namespace PetitionPlatform.Contracts.Periods;

/// <summary>
/// The public holidays of all citizens as the national rules (全国年节及纪念日放假办法, as revised in force since 2025)
/// fix them, before a year's State Council notice says how they are arranged: New Year's Day (1 January), Spring
/// Festival (lunar New Year's Eve and the first three days of the first lunar month), Qingming (the day of the solar
/// term), Labour Day (1–2 May), Dragon Boat (5th day of the 5th lunar month), Mid-Autumn (15th day of the 8th lunar
/// month) and National Day (1–3 October). The weekends worked in exchange (调休) and the working day given for a
/// holiday falling on a weekend (补假) are chosen by each notice, so the rules cannot know them.
/// </summary>
public static class NationalHolidayRules
{
    private static readonly ChineseLunisolarCalendar s_lunar = new();

    /// <summary>
    /// The years whose lunar dates .NET's lunisolar tables hold (1901–2100): they begin on the lunar New Year of the
    /// first and end on the eve of the lunar New Year after the last.
    /// </summary>
    public static int FirstYear => s_lunar.MinSupportedDateTime.Year;

    public static int LastYear => s_lunar.MaxSupportedDateTime.Year - 1;

    /// <summary>
    /// The national holidays of Gregorian year <paramref name="year"/>, in date order. A lunar holiday may fall on a
    /// fixed-date one (Mid-Autumn on 1–3 October, as in 2028); the day is then a holiday once. Beyond the lunar tables
    /// only the fixed-date holidays are known: a period reaching so far (a date a client typed) still gets an answer.
    /// </summary>
    public static IReadOnlyList<DateOnly> HolidaysOf(int year)
    {
        if (year < FirstYear || year > LastYear)
        {
            return [new DateOnly(year, 1, 1), new DateOnly(year, 5, 1), new DateOnly(year, 5, 2),
                new DateOnly(year, 10, 1), new DateOnly(year, 10, 2), new DateOnly(year, 10, 3)];
        }

        var lunarNewYear = LunarDay(year, 1, 1);
        DateOnly[] days =
        [
            new DateOnly(year, 1, 1),
            lunarNewYear.AddDays(-1), lunarNewYear, lunarNewYear.AddDays(1), lunarNewYear.AddDays(2),
            QingmingDay(year),
            new DateOnly(year, 5, 1), new DateOnly(year, 5, 2),
            LunarDay(year, 5, 5),
            LunarDay(year, 8, 15),
            new DateOnly(year, 10, 1), new DateOnly(year, 10, 2), new DateOnly(year, 10, 3),
        ];
        return [.. days.Distinct().Order()];
    }

    /// <summary>
    /// The Gregorian day of <paramref name="day"/> of the <paramref name="month"/>th lunar month of the lunar year that
    /// begins in <paramref name="year"/>. In a year with a leap month .NET numbers the months 1–13 and the leap month
    /// takes the number after the month it repeats, so from the leap month on the real month is one number further.
    /// </summary>
    public static DateOnly LunarDay(int year, int month, int day)
    {
        var leap = s_lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(s_lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// The day in China on which the sun's apparent longitude reaches 15°, the Qingming solar term (清明): the last day
    /// whose midnight, China Standard Time, still has the sun short of 15°.
    /// </summary>
    public static DateOnly QingmingDay(int year)
    {
        var day = new DateOnly(year, 4, 3);
        while (SolarLongitude(StartOf(day.AddDays(1))) < 15)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// The sun's apparent longitude in degrees at <paramref name="instant"/>, by the low-accuracy solar theory of
    /// Meeus (Astronomical Algorithms, ch. 25): within 0.01°, a quarter of an hour of the sun's motion, which fixes
    /// the day unless the term falls within minutes of midnight. ΔT (about a minute in this period) is inside that
    /// error, so universal time stands in for dynamical time.
    /// </summary>
    private static double SolarLongitude(DateTimeOffset instant)
    {
        const double J2000 = 2451545.0;
        var julianDay = instant.UtcDateTime.ToOADate() + 2415018.5;
        var t = (julianDay - J2000) / 36525;
        var meanLongitude = 280.46646 + (36000.76983 * t) + (0.0003032 * t * t);
        var meanAnomaly = Radians(357.52911 + (35999.05029 * t) - (0.0001537 * t * t));
        var centre = ((1.914602 - (0.004817 * t) - (0.000014 * t * t)) * Math.Sin(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * meanAnomaly))
            + (0.000289 * Math.Sin(3 * meanAnomaly));
        var node = Radians(125.04 - (1934.136 * t));
        var apparent = meanLongitude + centre - 0.00569 - (0.00478 * Math.Sin(node));
        return ((apparent % 360) + 360) % 360;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), StatutoryCalendar.ChinaOffset);
}
