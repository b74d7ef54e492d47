using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

public sealed class ClocksTests
{
    private static readonly DateTimeOffset s_due = new(2026, 3, 17, 23, 59, 59, TimeSpan.FromHours(8));

    [Fact]
    public void An_open_stage_is_overdue_only_once_its_last_day_has_ended()
    {
        var stage = new StageClock(LedgerStages.Acceptance, Lifecycle.Hrss, Guid.NewGuid(), s_due.AddDays(-15), s_due, null);

        Assert.False(stage.IsOverdueAt(s_due));
        Assert.True(stage.IsOverdueAt(s_due.AddSeconds(1)));
    }

    [Fact]
    public void A_finished_stage_is_judged_by_when_it_was_done_not_by_today()
    {
        var inTime = new StageClock(LedgerStages.Handling, Lifecycle.Hrss, Guid.NewGuid(), s_due.AddDays(-60), s_due, s_due.AddDays(-1));
        var late = inTime with { DoneAt = s_due.AddDays(1) };

        Assert.False(inTime.IsOverdueAt(s_due.AddYears(1)));
        Assert.True(late.IsOverdueAt(s_due.AddDays(1)));
    }

    [Fact]
    public void A_review_may_be_requested_from_the_answer_until_the_window_closes()
    {
        var petition = new Lifecycle();
        var answered = LedgerProjection.Project(petition.PetitionId, [petition.Registered(), petition.Answered()]);
        var reviewDueBy = Lifecycle.DueBy(petition.AnsweredAt, 30);

        Assert.True(answered.CanRequestReviewAt(petition.AnsweredAt));
        Assert.True(answered.CanRequestReviewAt(reviewDueBy));
        Assert.False(answered.CanRequestReviewAt(reviewDueBy.AddSeconds(1)));
        Assert.False(LedgerProjection.Project(petition.PetitionId, [petition.Registered()]).CanRequestReviewAt(petition.AnsweredAt));
    }
}
