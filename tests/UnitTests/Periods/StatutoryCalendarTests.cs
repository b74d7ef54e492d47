using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.UnitTests.Periods;

public sealed class StatutoryCalendarTests
{
    private static readonly StatutoryCalendar s_calendar = StatutoryCalendar.China;

    private static DateTimeOffset China(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, StatutoryCalendar.ChinaOffset);

    private static DateTimeOffset EndOfDay(int year, int month, int day) => China(year, month, day, 23, 59).AddSeconds(59);

    [Fact]
    public void The_first_day_is_not_counted_and_the_period_ends_at_the_end_of_the_last_day()
    {
        // Monday 2026-11-23 + 15 days = Tuesday 2026-12-08, a working day.
        Assert.Equal(EndOfDay(2026, 12, 8), s_calendar.DueBy(China(2026, 11, 23), 15));
    }

    [Fact]
    public void The_day_is_the_day_in_China_not_in_UTC()
    {
        // 2026-11-22 17:30 UTC is already Monday 2026-11-23 01:30 in China.
        var lateSundayUtc = new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 23), StatutoryCalendar.DayOf(lateSundayUtc));
        Assert.Equal(EndOfDay(2026, 12, 8), s_calendar.DueBy(lateSundayUtc, 15));
    }

    [Fact]
    public void A_period_over_a_month_end_counts_calendar_days()
    {
        // 2026-01-30 + 30 days = 2026-03-01, a Sunday: the period ends on Monday 2026-03-02.
        Assert.Equal(EndOfDay(2026, 3, 2), s_calendar.DueBy(China(2026, 1, 30), 30));
        // 2026-12-31 + 1 day = 2027-01-01: 2027's notice is not in the data yet, but New Year's Day is a national holiday,
        // then comes a weekend.
        Assert.Equal(EndOfDay(2027, 1, 4), s_calendar.DueBy(China(2026, 12, 31), 1));
    }

    [Fact]
    public void A_period_ending_in_the_national_day_holiday_ends_on_the_first_working_day_after_it()
    {
        // 2026-09-16 + 15 days = 2026-10-01, inside the holiday of 1–7 October.
        Assert.Equal(EndOfDay(2026, 10, 8), s_calendar.DueBy(China(2026, 9, 16), 15));
    }

    [Fact]
    public void A_period_ending_in_the_spring_festival_ends_after_it_and_the_exchanged_weekend_day_is_a_working_day()
    {
        // 2026-02-05 + 15 days = 2026-02-20, inside the Spring Festival holiday of 15–23 February.
        Assert.Equal(EndOfDay(2026, 2, 24), s_calendar.DueBy(China(2026, 2, 5), 15));
        // Saturday 2026-02-14 is worked in exchange: a period ending on it does not move.
        Assert.Equal(EndOfDay(2026, 2, 14), s_calendar.DueBy(China(2026, 1, 30), 15));
    }

    [Fact]
    public void A_period_ending_on_a_weekend_ends_on_monday()
    {
        // 2026-11-23 + 12 days = Saturday 2026-12-05.
        Assert.Equal(EndOfDay(2026, 12, 7), s_calendar.DueBy(China(2026, 11, 23), 12));
    }

    [Fact]
    public void The_handling_period_with_the_longest_extension_is_ninety_days_from_acceptance()
    {
        var accepted = China(2026, 3, 10);

        var handling = s_calendar.DueBy(accepted, StatutoryPeriods.HandlingDays);
        var extended = s_calendar.DueBy(accepted, StatutoryPeriods.HandlingDays + StatutoryPeriods.MaxExtensionDays);

        // 2026-03-10 + 60 = Saturday 2026-05-09, a day worked in exchange for Labour Day: no roll-over.
        Assert.Equal(EndOfDay(2026, 5, 9), handling);
        // + 90 = Monday 2026-06-08.
        Assert.Equal(EndOfDay(2026, 6, 8), extended);
    }

    [Fact]
    public void Overdue_starts_after_the_last_second_of_the_period()
    {
        var due = s_calendar.DueBy(China(2026, 11, 23), 15);

        Assert.False(StatutoryCalendar.IsOverdue(due, due));
        Assert.True(StatutoryCalendar.IsOverdue(due, due.AddSeconds(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_period_must_have_days(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_calendar.DueBy(China(2026, 11, 23), days));
    }

    [Fact]
    public void The_shipped_data_knows_the_published_years()
    {
        Assert.False(HolidayCalendar.China.IsWorkingDay(new DateOnly(2025, 10, 8)));
        Assert.True(HolidayCalendar.China.IsWorkingDay(new DateOnly(2025, 10, 11)));
        Assert.False(HolidayCalendar.China.IsWorkingDay(new DateOnly(2026, 6, 19)));
        // An unpublished year: the holidays of the national rules only.
        Assert.False(HolidayCalendar.China.IsWorkingDay(new DateOnly(2027, 10, 1)));
        Assert.True(HolidayCalendar.China.IsWorkingDay(new DateOnly(2027, 10, 4)));
    }
}
