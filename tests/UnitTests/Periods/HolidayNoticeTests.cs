using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.UnitTests.Periods;

/// <summary>A year's State Council notice loaded at run time: what is refused, and how it moves the dates counted on that year.</summary>
public sealed class HolidayNoticeTests
{
    private static DateTimeOffset China(int year, int month, int day) => new(year, month, day, 10, 0, 0, StatutoryCalendar.ChinaOffset);

    private static DateTimeOffset EndOfDay(int year, int month, int day) => new(year, month, day, 23, 59, 59, StatutoryCalendar.ChinaOffset);

    private static HolidayRun Run(int year, int month, int first, int last) => new(new DateOnly(year, month, first), new DateOnly(year, month, last));

    /// <summary>A notice for 2035 (none is shipped): New Year's Day, and Friday 16 March given as a holiday.</summary>
    private static HolidayNotice Notice2035(params DateOnly[] workdays) =>
        new(2035, [Run(2035, 1, 1, 1), Run(2035, 3, 16, 16)], workdays, "测试通知〔2034〕1号");

    [Fact]
    public void A_notice_of_the_year_with_weekend_workdays_is_accepted()
    {
        Assert.Empty(Notice2035(new DateOnly(2035, 3, 17)).Problems());
    }

    [Fact]
    public void Each_wrong_part_of_a_notice_is_named()
    {
        var notice = new HolidayNotice(2035,
            [Run(2035, 1, 1, 1), new HolidayRun(new DateOnly(2034, 12, 31), new DateOnly(2035, 1, 1)), Run(2035, 5, 3, 1), Run(2035, 1, 1, 2)],
            [new DateOnly(2035, 3, 1), new DateOnly(2036, 1, 5), new DateOnly(2035, 1, 1)], " ");

        var problems = notice.Problems();

        Assert.Equal(["holidays[1]", "holidays[2]", "holidays[3]", "reference", "workdays[0]", "workdays[1]", "workdays[2]"], problems.Keys.Order());
        Assert.Contains("Thursday", problems["workdays[0]"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2100)]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    public void A_year_the_calendar_cannot_count_is_refused(int year)
    {
        Assert.Equal(["year"], new HolidayNotice(year, [], [], "x").Problems().Keys);
    }

    [Fact]
    public void A_loaded_notice_moves_a_due_date_that_was_provisional_and_makes_it_final()
    {
        var shipped = new StatutoryCalendar(HolidayCalendar.China);
        var loaded = new StatutoryCalendar(HolidayCalendar.China.With(Notice2035()));

        // Thursday 2035-03-01 + 15 days = Friday 16 March, now a holiday: the period ends on Monday 19 March.
        Assert.Equal(new DueDate(EndOfDay(2035, 3, 16), true), shipped.Due(China(2035, 3, 1), 15));
        Assert.Equal(new DueDate(EndOfDay(2035, 3, 19), false), loaded.Due(China(2035, 3, 1), 15));
    }

    [Fact]
    public void A_weekend_worked_in_exchange_ends_a_period_on_that_day()
    {
        // Friday 2035-03-02 + 15 days = Saturday 17 March: without the notice the period runs to Monday.
        var loaded = new StatutoryCalendar(HolidayCalendar.China.With(Notice2035(new DateOnly(2035, 3, 17))));

        Assert.Equal(EndOfDay(2035, 3, 19), new StatutoryCalendar(HolidayCalendar.China).DueBy(China(2035, 3, 2), 15));
        Assert.Equal(EndOfDay(2035, 3, 17), loaded.DueBy(China(2035, 3, 2), 15));
    }

    [Fact]
    public void The_notice_replaces_the_national_rules_of_its_year_and_leaves_other_years_alone()
    {
        var loaded = HolidayCalendar.China.With(Notice2035());

        // Spring Festival 2035 (lunar New Year on 8 February) is a rest day by the rules, and not in this notice.
        Assert.False(HolidayCalendar.China.IsWorkingDay(new DateOnly(2035, 2, 8)));
        Assert.True(loaded.IsWorkingDay(new DateOnly(2035, 2, 8)));
        Assert.True(loaded.HasNotice(2035));
        Assert.False(loaded.HasNotice(2036));
        Assert.Equal(HolidayCalendar.China.IsWorkingDay(new DateOnly(2036, 1, 28)), loaded.IsWorkingDay(new DateOnly(2036, 1, 28)));
        Assert.Equal([new DateOnly(2035, 1, 1), new DateOnly(2035, 3, 16)], loaded.ArrangementOf(2035).Holidays);
    }

    [Fact]
    public void A_second_notice_of_the_same_year_replaces_the_first()
    {
        var corrected = HolidayCalendar.China.With(Notice2035()).With(new HolidayNotice(2035, [Run(2035, 1, 1, 1)], [], "更正"));

        Assert.True(corrected.IsWorkingDay(new DateOnly(2035, 3, 16)));
    }

    [Fact]
    public void The_process_calendar_adopts_the_newest_load_of_a_year_whatever_order_they_come_in()
    {
        // 2097: a year no other test counts on, since adopting changes the calendar of the whole test process.
        var first = new HolidayNotice(2097, [Run(2097, 1, 1, 1), Run(2097, 6, 17, 17)], [], "2097-a");
        var second = new HolidayNotice(2097, [Run(2097, 1, 1, 1), Run(2097, 6, 18, 18)], [], "2097-b");
        var loadedAt = new DateTimeOffset(2096, 11, 20, 9, 0, 0, TimeSpan.Zero);

        StatutoryCalendar.Adopt(second, loadedAt.AddHours(1));
        var olderLater = StatutoryCalendar.Adopt(first, loadedAt);

        Assert.False(olderLater);
        Assert.True(StatutoryCalendar.China.Holidays.HasNotice(2097));
        Assert.True(StatutoryCalendar.China.Holidays.IsWorkingDay(new DateOnly(2097, 6, 17)));
        Assert.False(StatutoryCalendar.China.Holidays.IsWorkingDay(new DateOnly(2097, 6, 18)));
    }
}
