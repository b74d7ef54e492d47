using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.UnitTests.Periods;

/// <summary>The national rules against holidays as the State Council's notices and the almanac give them.</summary>
public sealed class NationalHolidayRulesTests
{
    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void The_2027_holidays_follow_the_lunar_calendar_and_the_solar_term()
    {
        Assert.Equal(
        [
            Day(2027, 1, 1),
            Day(2027, 2, 5), Day(2027, 2, 6), Day(2027, 2, 7), Day(2027, 2, 8),
            Day(2027, 4, 5),
            Day(2027, 5, 1), Day(2027, 5, 2),
            Day(2027, 6, 9),
            Day(2027, 9, 15),
            Day(2027, 10, 1), Day(2027, 10, 2), Day(2027, 10, 3),
        ], NationalHolidayRules.HolidaysOf(2027));
    }

    [Theory]
    [InlineData(2025, 1, 29)]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    [InlineData(2028, 1, 26)]
    public void The_lunar_new_year(int year, int month, int day)
    {
        Assert.Equal(Day(year, month, day), NationalHolidayRules.LunarDay(year, 1, 1));
    }

    [Theory]
    [InlineData(2025, 4, 4)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 4, 5)]
    [InlineData(2028, 4, 4)]
    [InlineData(2000, 4, 4)]
    [InlineData(2023, 4, 5)]
    public void Qingming_is_the_day_the_sun_reaches_15_degrees(int year, int month, int day)
    {
        Assert.Equal(Day(year, month, day), NationalHolidayRules.QingmingDay(year));
    }

    /// <summary>
    /// A leap month takes the next month number in .NET's lunar calendar: 2020 repeated the 4th month, 2025 the 6th,
    /// 2028 the 5th, so Dragon Boat (5/5) and Mid-Autumn (8/15) must skip it to land on the real months.
    /// </summary>
    [Theory]
    [InlineData(2020, "2020-06-25", "2020-10-01")]
    [InlineData(2025, "2025-05-31", "2025-10-06")]
    [InlineData(2026, "2026-06-19", "2026-09-25")]
    [InlineData(2027, "2027-06-09", "2027-09-15")]
    [InlineData(2028, "2028-05-28", "2028-10-03")]
    public void Dragon_Boat_and_Mid_Autumn_are_in_the_real_5th_and_8th_months(int year, string dragonBoat, string midAutumn)
    {
        Assert.Equal(DateOnly.Parse(dragonBoat, System.Globalization.CultureInfo.InvariantCulture), NationalHolidayRules.LunarDay(year, 5, 5));
        Assert.Equal(DateOnly.Parse(midAutumn, System.Globalization.CultureInfo.InvariantCulture), NationalHolidayRules.LunarDay(year, 8, 15));
    }

    [Fact]
    public void A_lunar_holiday_on_national_day_is_one_holiday()
    {
        var holidays = NationalHolidayRules.HolidaysOf(2028);

        Assert.Equal([Day(2028, 10, 1), Day(2028, 10, 2), Day(2028, 10, 3)], holidays.Where(d => d.Month == 10));
        Assert.Equal(12, holidays.Count);
    }

    [Fact]
    public void Years_beyond_the_lunar_tables_count_the_fixed_date_holidays_only()
    {
        Assert.Equal([Day(2101, 1, 1), Day(2101, 5, 1), Day(2101, 5, 2), Day(2101, 10, 1), Day(2101, 10, 2), Day(2101, 10, 3)],
            NationalHolidayRules.HolidaysOf(NationalHolidayRules.LastYear + 1));
        Assert.Equal(6, NationalHolidayRules.HolidaysOf(9999).Count);
        Assert.Equal(6, NationalHolidayRules.HolidaysOf(NationalHolidayRules.FirstYear - 1).Count);
    }
}
