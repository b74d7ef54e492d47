using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.UnitTests.Handling;

/// <summary>Review (复查) and re-review (复核) on the case aggregate: who reviews, by when, and when it is too late or final.</summary>
public sealed class ReviewRequestTests
{
    private static readonly DateTimeOffset AnsweredAt = Cases.AcceptedAt.AddDays(20);

    [Fact]
    public void A_review_opens_in_progress_at_the_unit_above_due_thirty_days_from_the_request()
    {
        var answered = Cases.In(CaseStatuses.Answered);
        var requestedAt = AnsweredAt.AddDays(10);
        var reviewId = Guid.NewGuid();

        var transition = answered.RequestReview("130700/hrss", "工资仍未足额支付", reviewId, requestedAt, out var review);

        Assert.True(transition.IsAllowed, transition.Refusal);
        Assert.Equal(CaseStatuses.ReviewRequested, answered.Status);
        Assert.Equal((reviewId, requestedAt), (answered.ReviewCaseId, answered.ReviewRequestedAt));
        Assert.NotNull(review);
        Assert.Equal((CaseStages.Review, "130700/hrss", CaseStatuses.InProgress, CaseModes.ReviewRequest),
            (review.Stage, review.OrgId, review.Status, review.Mode));
        Assert.Equal(StatutoryCalendar.China.DueBy(requestedAt, 30), review.DueBy);
        Assert.Equal((requestedAt, requestedAt), (review.OpenedAt, review.AcceptedAt));
        Assert.Equal((answered.Id, "工资仍未足额支付"), (review.ReviewOfCaseId, review.ReviewReason));
        Assert.Equal(answered.PetitionId, review.PetitionId);
    }

    [Fact]
    public void An_evaluated_answer_can_be_contested_too()
    {
        var evaluated = Cases.In(CaseStatuses.Evaluated);

        Assert.True(evaluated.RequestReview("130700/hrss", "不满意", Guid.NewGuid(), AnsweredAt.AddDays(5), out _).IsAllowed);
    }

    [Fact]
    public void A_report_stays_confidential_in_its_review()
    {
        var report = Cases.In(CaseStatuses.Answered, confidential: true);

        report.RequestReview("130700/discipline", "处理不当", Guid.NewGuid(), AnsweredAt.AddDays(1), out var review);

        Assert.True(review!.Confidential);
    }

    [Fact]
    public void The_window_is_open_until_the_last_instant_of_the_thirtieth_day()
    {
        var lastInstant = CasePeriods.ReviewDueBy(AnsweredAt);

        Assert.True(Cases.In(CaseStatuses.Answered).CheckReviewRequest(lastInstant).IsAllowed);
    }

    [Fact]
    public void After_the_window_the_request_is_refused_with_the_date_it_closed()
    {
        var answered = Cases.In(CaseStatuses.Answered);
        var closed = CasePeriods.ReviewDueBy(AnsweredAt);

        var transition = answered.RequestReview("130700/hrss", "迟到的复查申请", Guid.NewGuid(), closed.AddTicks(1), out var review);

        Assert.False(transition.IsAllowed);
        Assert.Null(review);
        Assert.Contains($"closed on {StatutoryCalendar.DayOf(closed):yyyy-MM-dd}", transition.Refusal, StringComparison.Ordinal);
        Assert.Equal(CaseStatuses.Answered, answered.Status);
    }

    [Fact]
    public void An_answer_is_contested_once()
    {
        var answered = Cases.In(CaseStatuses.Answered);
        answered.RequestReview("130700/hrss", "第一次", Guid.NewGuid(), AnsweredAt.AddDays(1), out _);

        var second = answered.RequestReview("130700/hrss", "第二次", Guid.NewGuid(), AnsweredAt.AddDays(2), out var review);

        Assert.False(second.IsAllowed);
        Assert.Null(review);
        Assert.Contains("already requested", second.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_not_yet_answered_cannot_be_contested()
    {
        var transition = Cases.In(CaseStatuses.InProgress).CheckReviewRequest(AnsweredAt);

        Assert.False(transition.IsAllowed);
        Assert.Contains("not been answered", transition.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_answer_is_contested_by_a_re_review_and_the_re_review_answer_is_final()
    {
        var review = AnsweredReview(out var reviewAnsweredAt);

        Assert.True(review.RequestReview("130000/hrss", "复查意见不当", Guid.NewGuid(), reviewAnsweredAt.AddDays(3), out var reReview).IsAllowed);
        Assert.Equal((CaseStages.ReReview, "130000/hrss"), (reReview!.Stage, reReview.OrgId));

        Assert.True(reReview.Answer(Outcomes.Explain, "维持复查意见。", "《信访工作条例》第三十六条", reviewAnsweredAt.AddDays(20)).IsAllowed);
        var refused = reReview.RequestReview("130000/petition-bureau", "仍不服", Guid.NewGuid(), reviewAnsweredAt.AddDays(21), out var none);

        Assert.False(refused.IsAllowed);
        Assert.Null(none);
        Assert.Contains("terminated", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal(CaseStatuses.Answered, reReview.Status);
    }

    [Fact]
    public void The_unit_above_must_be_another_unit()
    {
        var transition = Cases.In(CaseStatuses.Answered).RequestReview("130724/hrss", "不服", Guid.NewGuid(), AnsweredAt.AddDays(1), out _);

        Assert.False(transition.IsAllowed);
    }

    [Theory]
    [InlineData(CaseStatuses.AwaitingAcceptance)]
    [InlineData(CaseStatuses.InProgress)]
    public void A_termination_closes_a_case_still_being_worked_on(string status)
    {
        var c = Cases.In(status);
        var at = Cases.AcceptedAt.AddDays(5);

        Assert.True(c.Terminate(at).IsAllowed);
        Assert.Equal((CaseStatuses.Closed, at), (c.Status, c.ClosedAt));
    }

    [Fact]
    public void A_termination_leaves_an_answer_standing()
    {
        var c = Cases.In(CaseStatuses.Answered);

        Assert.False(c.Terminate(AnsweredAt.AddDays(1)).IsAllowed);
        Assert.Equal(CaseStatuses.Answered, c.Status);
    }

    [Fact]
    public void A_review_case_cannot_be_declined_the_law_names_the_reviewer()
    {
        var original = Cases.In(CaseStatuses.Answered);
        original.RequestReview("130700/hrss", "不满意", Guid.NewGuid(), AnsweredAt.AddDays(1), out var review);

        var refused = review!.Decline("不属本单位职责", null, "130700/housing", AnsweredAt.AddDays(2));

        Assert.False(refused.IsAllowed);
        Assert.Contains("review (复查)", refused.Refusal, StringComparison.Ordinal);
        Assert.Contains("one level above", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal((CaseStatuses.InProgress, (DateTimeOffset?)null), (review.Status, review.DeclinedAt));
    }

    [Fact]
    public void A_re_review_case_cannot_be_declined_either()
    {
        var review = AnsweredReview(out var reviewAnsweredAt);
        review.RequestReview("130000/hrss", "复查意见不当", Guid.NewGuid(), reviewAnsweredAt.AddDays(1), out var reReview);

        var refused = reReview!.Decline("不属本单位职责", null, null, reviewAnsweredAt.AddDays(2));

        Assert.False(refused.IsAllowed);
        Assert.Contains("re-review (复核)", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal(CaseStatuses.InProgress, reReview.Status);
    }

    private static Case AnsweredReview(out DateTimeOffset answeredAt)
    {
        var original = Cases.In(CaseStatuses.Evaluated);
        Assert.True(original.RequestReview("130700/hrss", "不满意", Guid.NewGuid(), AnsweredAt.AddDays(4), out var review).IsAllowed);
        answeredAt = AnsweredAt.AddDays(25);
        Assert.True(review!.Answer(Outcomes.Explain, "经复查，原处理意见正确。", "《信访工作条例》第三十五条", answeredAt).IsAllowed);
        return review;
    }
}
