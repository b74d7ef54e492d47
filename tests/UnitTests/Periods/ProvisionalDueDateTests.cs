using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.UnitTests.Periods;

/// <summary>Due dates counted on a year whose State Council notice is not loaded (2027 in the shipped data).</summary>
public sealed class ProvisionalDueDateTests
{
    private static readonly StatutoryCalendar s_calendar = StatutoryCalendar.China;

    private static DateTimeOffset China(int year, int month, int day) => new(year, month, day, 10, 0, 0, StatutoryCalendar.ChinaOffset);

    private static DateTimeOffset EndOfDay(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 23, 59, 59, StatutoryCalendar.ChinaOffset);

    [Fact]
    public void The_2027_spring_festival_is_rest_without_the_notice()
    {
        foreach (var day in new[] { new DateOnly(2027, 2, 5), new DateOnly(2027, 2, 8) })
        {
            Assert.False(HolidayCalendar.China.IsWorkingDay(day));
        }

        Assert.True(HolidayCalendar.China.IsWorkingDay(new DateOnly(2027, 2, 4)));
        Assert.True(HolidayCalendar.China.IsWorkingDay(new DateOnly(2027, 2, 9)));
    }

    [Fact]
    public void A_period_ending_in_the_2027_spring_festival_ends_on_the_tuesday_after_and_is_provisional()
    {
        // 2027-01-22 + 15 days = Saturday 2027-02-06, lunar New Year's Day; Friday (the eve) to Monday are holidays.
        Assert.Equal(new DueDate(EndOfDay(2027, 2, 9), true), s_calendar.Due(China(2027, 1, 22), 15));
    }

    [Fact]
    public void Qingming_Dragon_Boat_and_Mid_Autumn_2027_move_a_period_to_the_next_working_day()
    {
        // Monday 2027-04-05 (Qingming), Wednesday 2027-06-09 (Dragon Boat), Wednesday 2027-09-15 (Mid-Autumn).
        Assert.Equal(EndOfDay(2027, 4, 6), s_calendar.DueBy(China(2027, 3, 21), 15));
        Assert.Equal(EndOfDay(2027, 6, 10), s_calendar.DueBy(China(2027, 5, 25), 15));
        Assert.Equal(EndOfDay(2027, 9, 16), s_calendar.DueBy(China(2027, 8, 31), 15));
    }

    [Fact]
    public void A_period_within_a_published_year_is_final()
    {
        Assert.Equal(new DueDate(EndOfDay(2026, 3, 17), false), s_calendar.Due(China(2026, 3, 2), 15));
    }

    [Fact]
    public void A_period_running_into_an_unpublished_year_is_provisional()
    {
        // 2026-12-20 + 30 days = Tuesday 2027-01-19.
        Assert.Equal(new DueDate(EndOfDay(2027, 1, 19), true), s_calendar.Due(China(2026, 12, 20), 30));
        Assert.True(s_calendar.Due(China(2026, 12, 31), 1).Provisional);
    }

    [Fact]
    public void Only_the_days_counted_decide_not_the_starting_day()
    {
        var calendar = new StatutoryCalendar(new HolidayCalendar([], [], [2026]));

        Assert.False(calendar.Due(new DateTimeOffset(2025, 12, 31, 23, 0, 0, StatutoryCalendar.ChinaOffset), 10).Provisional);
        Assert.True(calendar.Due(new DateTimeOffset(2025, 12, 30, 23, 0, 0, StatutoryCalendar.ChinaOffset), 10).Provisional);
    }

    [Fact]
    public void A_stored_clock_tells_from_its_start_and_due_date()
    {
        var due = s_calendar.Due(China(2026, 12, 20), 30);

        Assert.True(s_calendar.IsProvisional(China(2026, 12, 20), due.DueBy));
        Assert.False(s_calendar.IsProvisional(China(2026, 3, 2), EndOfDay(2026, 3, 17)));
    }

    [Fact]
    public void A_loaded_notice_moves_the_date_and_makes_it_final()
    {
        // A notice that gives 2027-02-05..2027-02-12 off (as the eight-day Spring Festival breaks of 2025 and 2026 did)
        // and has Sunday 2027-02-14 worked: the period that ended on Tuesday the 9th under the national rules now runs
        // past the break and Saturday the 13th to the worked Sunday.
        var withNotice = new StatutoryCalendar(new HolidayCalendar(
            Enumerable.Range(0, 8).Select(i => new DateOnly(2027, 2, 5).AddDays(i)), [new DateOnly(2027, 2, 14)], [2025, 2026, 2027]));

        Assert.Equal(new DueDate(EndOfDay(2027, 2, 14), false), withNotice.Due(China(2027, 1, 22), 15));
    }
}
