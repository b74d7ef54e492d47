using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.UnitTests.Handling;

/// <summary>
/// A holiday notice loaded while cases run: each running clock is counted again from its own start, a clock that ran
/// out stays. On 2096, a year no other test counts on: adopting a notice changes the calendar of the whole test process.
/// </summary>
public sealed class ClockRecountTests
{
    private static DateTimeOffset China(int month, int day) => new(2096, month, day, 10, 0, 0, StatutoryCalendar.ChinaOffset);

    private static DateTimeOffset EndOf(int month, int day) => new(2096, month, day, 23, 59, 59, StatutoryCalendar.ChinaOffset);

    private static Case Opened(DateTimeOffset routedAt) => Case.Open(Cases.Routed() with { OccurredAt = routedAt }, Guid.NewGuid());

    [Fact]
    public void A_loaded_notice_moves_each_running_clock_to_the_next_working_day_and_leaves_one_that_ran_out()
    {
        var now = China(7, 1);
        // Thursday 28 June + 15 = Friday 13 July.
        var awaiting = Opened(China(6, 28));
        // Accepted Friday 8 June + 60 = Tuesday 7 August.
        var handling = Opened(China(6, 5));
        Assert.True(handling.Accept("张科长", China(6, 8)).IsAllowed);
        // Answered Monday 9 July + 30 = Wednesday 8 August.
        var answered = Opened(China(6, 5));
        Assert.True(answered.Accept("张科长", China(6, 8)).IsAllowed);
        Assert.True(answered.Answer(Outcomes.Support, "已责令公司支付工资。", "《保障农民工工资支付条例》第三条", China(7, 9)).IsAllowed);
        // Sunday 10 June + 15 = Monday 25 June, before now.
        var ranOut = Opened(China(6, 10));
        // Assigned Sunday 27 May: acceptance ran out on 11 June, the report-back date (+75) is Friday 10 August.
        var assignment = Cases.Routed() with { OccurredAt = China(5, 27), Mode = RoutingModes.Assign, ReportBackDueBy = ReportBack.DueBy(China(5, 27)) };
        var assigned = Case.Open(assignment, Guid.NewGuid());
        Assert.Equal((EndOf(7, 13), EndOf(8, 7), EndOf(8, 8), EndOf(6, 25)),
            (awaiting.AcceptanceDueBy, handling.HandlingDueBy, answered.ReviewDueBy, ranOut.AcceptanceDueBy));
        Assert.True(awaiting.DueByProvisional);
        Assert.Equal(EndOf(8, 10), assigned.ReportBackDueBy);

        StatutoryCalendar.Adopt(new HolidayNotice(2096,
            [new(new(2096, 1, 1), new(2096, 1, 1)), new(new(2096, 6, 25), new(2096, 6, 25)), new(new(2096, 7, 13), new(2096, 7, 13)),
                new(new(2096, 8, 7), new(2096, 8, 8)), new(new(2096, 8, 10), new(2096, 8, 10))], [], "2096-test"), new DateTimeOffset(2096, 6, 30, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([new CaseClockMove(DueDateClocks.Acceptance, China(6, 28), EndOf(7, 13), EndOf(7, 16))], awaiting.RecountClocks(now));
        Assert.Equal([new CaseClockMove(DueDateClocks.Answer, China(6, 8), EndOf(8, 7), EndOf(8, 9))], handling.RecountClocks(now));
        Assert.Equal([new CaseClockMove(DueDateClocks.ReviewRequest, China(7, 9), EndOf(8, 8), EndOf(8, 9))], answered.RecountClocks(now));
        Assert.Empty(ranOut.RecountClocks(now));
        Assert.Equal([new CaseClockMove(DueDateClocks.ReportBack, China(5, 27), EndOf(8, 10), EndOf(8, 13))], assigned.RecountClocks(now));
        Assert.Equal((EndOf(7, 16), EndOf(8, 9), EndOf(8, 9), EndOf(6, 25)),
            (awaiting.AcceptanceDueBy, handling.HandlingDueBy, answered.ReviewDueBy, ranOut.AcceptanceDueBy));
        Assert.False(awaiting.DueByProvisional);
        // Counted again on the same calendar, nothing moves twice.
        Assert.Empty(awaiting.RecountClocks(now));
    }
}
