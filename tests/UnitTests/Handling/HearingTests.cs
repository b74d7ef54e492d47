using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.UnitTests.Handling;

/// <summary>
/// Hearings (听证) on review and re-review cases: their days are not counted in the period, so the answer's due date is
/// counted again with them, on the statutory calendar (rest days at the end move it to the next working day).
/// </summary>
public sealed class HearingTests
{
    private const string Reviewer = "130700/hrss";

    /// <summary>Monday 2026-12-21 10:00 in China; 30 days end on Wednesday 2027-01-20.</summary>
    private static readonly DateTimeOffset RequestedAt = new(2026, 12, 21, 10, 0, 0, StatutoryCalendar.ChinaOffset);

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    private static DateTimeOffset EndOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), StatutoryCalendar.ChinaOffset).AddDays(1).AddSeconds(-1);

    private static Case Review(DateTimeOffset requestedAt)
    {
        var answered = Cases.In(CaseStatuses.Answered);
        Assert.True(answered.RequestReview(Reviewer, "不服处理意见", Guid.NewGuid(), requestedAt, out var review).IsAllowed);
        return review!;
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    [InlineData(30, 31)]
    public void A_hearing_counts_its_first_and_its_last_day(int daysAfterStart, int expected)
    {
        var start = Day(2026, 12, 28);

        Assert.Equal(expected, CasePeriods.HearingDays(start, start.AddDays(daysAfterStart)));
    }

    [Fact]
    public void A_hearing_that_ends_before_it_starts_has_no_length()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CasePeriods.HearingDays(Day(2026, 12, 28), Day(2026, 12, 27)));
    }

    [Fact]
    public void Without_hearings_the_rule_gives_the_review_period_and_the_original_handling_period()
    {
        Assert.Equal(CasePeriods.ReviewAnswerDueBy(RequestedAt), CasePeriods.AnswerDueBy(CaseStages.Review, RequestedAt, 0, 0));
        Assert.Equal(CasePeriods.ReviewAnswerDueBy(RequestedAt), CasePeriods.AnswerDueBy(CaseStages.ReReview, RequestedAt, 0, 0));
        Assert.Equal(CasePeriods.HandlingDueBy(RequestedAt, 7), CasePeriods.AnswerDueBy(CaseStages.Original, RequestedAt, 7, 0));
    }

    /// <summary>
    /// A review requested on Tuesday 2026-09-01 runs out on 1 October, the National Day holiday, and so on Thursday 8
    /// October, the first working day after it. A three-day hearing makes the period end on 4 October, still within the
    /// holiday: the due date does not move. An eight-day hearing ends it on 9 October, a working day. Shifting the old
    /// due date by the hearing's days instead would give 11 and 16 October.
    /// </summary>
    [Theory]
    [InlineData(0, 10, 8)]
    [InlineData(3, 10, 8)]
    [InlineData(8, 10, 9)]
    [InlineData(9, 10, 10)] // Saturday 10 October 2026 is worked in exchange for the holiday.
    public void Hearing_days_are_added_to_the_period_and_the_new_last_day_rolls_over_rest_days(int hearingDays, int month, int day)
    {
        var requestedAt = new DateTimeOffset(2026, 9, 1, 10, 0, 0, StatutoryCalendar.ChinaOffset);

        var due = CasePeriods.AnswerDueBy(CaseStages.Review, requestedAt, 0, hearingDays);

        Assert.Equal(EndOf(Day(2026, month, day)), due);
    }

    [Fact]
    public void Several_hearings_add_up_and_move_the_due_date_past_a_weekend()
    {
        var review = Review(RequestedAt);
        Assert.Equal(EndOf(Day(2027, 1, 20)), review.DueBy);

        Assert.True(review.RecordHearing(Reviewer, Day(2026, 12, 28), Day(2026, 12, 29), RequestedAt.AddDays(9)).IsAllowed);
        // 32 days: Friday 22 January.
        Assert.Equal(EndOf(Day(2027, 1, 22)), review.DueBy);

        Assert.True(review.RecordHearing(Reviewer, Day(2027, 1, 5), Day(2027, 1, 5), RequestedAt.AddDays(16)).IsAllowed);
        // 33 days: Saturday 23 January, so Monday 25 January.
        Assert.Equal(EndOf(Day(2027, 1, 25)), review.DueBy);
        Assert.Equal(review.DueBy, review.HandlingDueBy);
        Assert.Equal(3, review.HearingDays);
        Assert.Equal([(Day(2026, 12, 28), Day(2026, 12, 29)), (Day(2027, 1, 5), Day(2027, 1, 5))],
            review.Hearings.Select(h => (h.StartedOn, h.EndedOn)));
        Assert.Equal(CaseStatuses.InProgress, review.Status);
    }

    [Fact]
    public void An_extension_and_hearings_are_both_added_to_the_review_period()
    {
        var review = Review(RequestedAt);
        Assert.True(review.RecordHearing(Reviewer, Day(2026, 12, 28), Day(2026, 12, 29), RequestedAt.AddDays(9)).IsAllowed);

        Assert.True(review.Extend(5, "需补充调查", "王局长", RequestedAt.AddDays(10)).IsAllowed);

        // 30 + 5 + 2 = 37 days: Wednesday 27 January.
        Assert.Equal(EndOf(Day(2027, 1, 27)), review.DueBy);
    }

    [Theory]
    [InlineData(12, 28, 12, 29)] // the same days
    [InlineData(12, 29, 12, 31)] // starts on the other's last day
    [InlineData(12, 24, 12, 28)] // ends on the other's first day
    [InlineData(12, 22, 12, 31)] // encloses it
    public void An_overlapping_hearing_is_refused_and_changes_nothing(int startMonth, int startDay, int endMonth, int endDay)
    {
        var review = Review(RequestedAt);
        Assert.True(review.RecordHearing(Reviewer, Day(2026, 12, 28), Day(2026, 12, 29), RequestedAt.AddDays(9)).IsAllowed);
        var due = review.DueBy;

        var transition = review.RecordHearing(Reviewer, Day(2026, startMonth, startDay), Day(2026, endMonth, endDay), RequestedAt.AddDays(11));

        Assert.False(transition.IsAllowed);
        Assert.Contains("overlaps the hearing of 2026-12-28 to 2026-12-29", transition.Refusal, StringComparison.Ordinal);
        Assert.Equal((1, due), (review.Hearings.Count, review.DueBy));
    }

    [Fact]
    public void Adjacent_hearings_do_not_overlap()
    {
        var review = Review(RequestedAt);
        Assert.True(review.RecordHearing(Reviewer, Day(2026, 12, 28), Day(2026, 12, 29), RequestedAt.AddDays(9)).IsAllowed);

        Assert.True(review.RecordHearing(Reviewer, Day(2026, 12, 30), Day(2026, 12, 30), RequestedAt.AddDays(10)).IsAllowed);
        Assert.Equal(3, review.HearingDays);
    }

    [Fact]
    public void The_original_handling_has_no_hearing_pause()
    {
        var original = Cases.In(CaseStatuses.InProgress);
        var due = original.DueBy;

        var transition = original.RecordHearing(original.OrgId, Day(2026, 11, 30), Day(2026, 11, 30), Cases.AcceptedAt.AddDays(10));

        Assert.False(transition.IsAllowed);
        Assert.Contains("only from a review (复查) or re-review (复核) period", transition.Refusal, StringComparison.Ordinal);
        Assert.Equal((0, due), (original.Hearings.Count, original.DueBy));
    }

    [Fact]
    public void Only_the_reviewing_unit_records_its_hearings()
    {
        var review = Review(RequestedAt);

        var transition = review.RecordHearing("130724/hrss", Day(2026, 12, 28), Day(2026, 12, 28), RequestedAt.AddDays(9));

        Assert.False(transition.IsAllowed);
        Assert.Contains("'130724/hrss' is not the unit reviewing this case", transition.Refusal, StringComparison.Ordinal);
        Assert.Empty(review.Hearings);
    }

    [Fact]
    public void An_answered_review_takes_no_more_hearings()
    {
        var review = Review(RequestedAt);
        Assert.True(review.Answer(Outcomes.Explain, "维持原处理意见。", "《信访工作条例》第三十五条", RequestedAt.AddDays(20)).IsAllowed);
        var due = review.HandlingDueBy;

        var transition = review.RecordHearing(Reviewer, Day(2026, 12, 28), Day(2026, 12, 28), RequestedAt.AddDays(21));

        Assert.False(transition.IsAllowed);
        Assert.Equal("Cannot record a hearing: the case has already been answered.", transition.Refusal);
        Assert.Equal((0, due), (review.Hearings.Count, review.HandlingDueBy));
    }

    [Fact]
    public void A_hearing_that_began_after_the_period_ran_out_cannot_bring_it_back()
    {
        var review = Review(RequestedAt);

        var transition = review.RecordHearing(Reviewer, Day(2027, 1, 21), Day(2027, 1, 22), RequestedAt.AddDays(33));

        Assert.False(transition.IsAllowed);
        Assert.Contains("after the period had run out on 2027-01-20", transition.Refusal, StringComparison.Ordinal);
        Assert.Empty(review.Hearings);
    }

    [Fact]
    public void A_hearing_on_the_last_day_of_the_period_still_counts()
    {
        var review = Review(RequestedAt);

        Assert.True(review.RecordHearing(Reviewer, Day(2027, 1, 20), Day(2027, 1, 20), RequestedAt.AddDays(31)).IsAllowed);
        Assert.Equal(EndOf(Day(2027, 1, 21)), review.DueBy);
    }
}
