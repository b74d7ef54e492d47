using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>Review, re-review and termination in the ledger and the petitioner's progress view.</summary>
public sealed class ReviewLedgerTests
{
    private const string CityHrss = "130700/hrss";
    private const string ProvinceHrss = "130000/hrss";

    private readonly Lifecycle _petition = new();
    private readonly Guid _reviewId = Guid.NewGuid();
    private readonly Guid _reReviewId = Guid.NewGuid();

    private DateTimeOffset ReviewRequestedAt => _petition.EvaluatedAt.AddDays(1);

    private DateTimeOffset ReviewAnsweredAt => ReviewRequestedAt.AddDays(20);

    private DateTimeOffset ReReviewRequestedAt => ReviewAnsweredAt.AddDays(5);

    private DateTimeOffset ReReviewAnsweredAt => ReReviewRequestedAt.AddDays(25);

    [Fact]
    public void A_review_request_starts_a_review_clock_at_the_superior_and_puts_the_matter_under_review()
    {
        var progress = Project([.. _petition.MainPath(), ReviewRequested()]);

        var clock = progress.Stages[^1];
        Assert.Equal(new StageClock(LedgerStages.Review, CityHrss, _reviewId, ReviewRequestedAt, Lifecycle.DueBy(ReviewRequestedAt, 30), null), clock);
        Assert.Equal((ProgressStatuses.UnderReview, CityHrss), (progress.Status, progress.CurrentOrgId));
        Assert.Equal(new ProgressStep(ProgressSteps.ReviewRequested, CityHrss, ReviewRequestedAt, Lifecycle.DueBy(ReviewRequestedAt, 30)), progress.Steps[^1]);
        Assert.False(progress.CanRequestReviewAt(ReviewRequestedAt), "the answer is already under review");
    }

    [Fact]
    public void The_review_answer_stops_the_clock_and_opens_the_window_for_a_re_review()
    {
        var progress = Project([.. _petition.MainPath(), ReviewRequested(), ReviewAnswered()]);

        Assert.Equal(ReviewAnsweredAt, progress.Stages.Single(s => s.Stage == LedgerStages.Review).DoneAt);
        Assert.Equal(ProgressStatuses.Answered, progress.Status);
        Assert.True(progress.CanRequestReviewAt(ReviewAnsweredAt.AddDays(29)));
        Assert.False(progress.CanRequestReviewAt(Lifecycle.DueBy(ReviewAnsweredAt, 30).AddTicks(1)));
    }

    [Fact]
    public void After_the_re_review_answer_the_matter_is_terminated_and_cannot_be_contested()
    {
        var progress = Project(FullChain());

        Assert.Equal(ProgressStatuses.Terminated, progress.Status);
        Assert.True(progress.Terminated);
        Assert.False(progress.CanRequestReviewAt(ReReviewAnsweredAt.AddDays(1)));
        Assert.Equal(
            [LedgerStages.IntakeDecision, LedgerStages.Acceptance, LedgerStages.Handling, LedgerStages.Review, LedgerStages.ReReview],
            progress.Stages.Select(s => s.Stage));
        Assert.Equal(new StageClock(LedgerStages.ReReview, ProvinceHrss, _reReviewId, ReReviewRequestedAt,
            Lifecycle.DueBy(ReReviewRequestedAt, 30), ReReviewAnsweredAt), progress.Stages[^1]);
        Assert.Equal(
            [ProgressSteps.ReviewRequested, ProgressSteps.Answered, ProgressSteps.ReReviewRequested, ProgressSteps.Answered, ProgressSteps.Terminated],
            progress.Steps.Skip(6).Select(s => s.Step));
        Assert.Null(progress.Steps[^2].DueBy);
    }

    [Fact]
    public void Events_arriving_in_any_order_give_the_same_terminated_view()
    {
        var inOrder = Project(FullChain());
        var reversed = Project([.. FullChain().Reverse()]);

        Assert.Equal(inOrder.Status, reversed.Status);
        Assert.Equal(inOrder.Stages, reversed.Stages);
        Assert.Equal(inOrder.Steps, reversed.Steps);
    }

    [Fact]
    public void A_political_legal_termination_ends_the_matter_whatever_comes_after()
    {
        var terminatedAt = _petition.AnsweredAt.AddDays(1);
        var progress = Project([.. _petition.MainPath(),
            new PetitionTerminated(_petition.PetitionId, "130724/court", TerminationReasons.PoliticalLegal, null, "（2026）冀0724执终12号", terminatedAt)]);

        Assert.Equal(ProgressStatuses.Terminated, progress.Status);
        Assert.False(progress.CanRequestReviewAt(terminatedAt));
        // The evaluation came a day later: it is shown, but the matter stays terminated.
        Assert.Equal(new ProgressStep(ProgressSteps.Terminated, "130724/court", terminatedAt, null), progress.Steps[^2]);
        Assert.Equal(ProgressSteps.Evaluated, progress.Steps[^1].Step);
    }

    private PetitionProgress Project(IEnumerable<IPetitionEvent> events) => LedgerProjection.Project(_petition.PetitionId, events);

    private IReadOnlyList<IPetitionEvent> FullChain() =>
    [
        .. _petition.MainPath(), ReviewRequested(), ReviewAnswered(),
        new ReviewRequested(_petition.PetitionId, _reReviewId, ProvinceHrss, CaseStages.ReReview, _reviewId, CityHrss,
            Lifecycle.DueBy(ReReviewRequestedAt, 30), false, ReReviewRequestedAt),
        new CaseAnswered(_petition.PetitionId, _reReviewId, ProvinceHrss, CaseStages.ReReview, Outcomes.Explain, "维持复查意见。",
            "《信访工作条例》第三十六条", Lifecycle.DueBy(ReReviewAnsweredAt, 30), false, ReReviewAnsweredAt),
        new PetitionTerminated(_petition.PetitionId, ProvinceHrss, TerminationReasons.ReReviewAnswered, ProvinceHrss, null, ReReviewAnsweredAt),
    ];

    private ReviewRequested ReviewRequested() => new(
        _petition.PetitionId, _reviewId, CityHrss, CaseStages.Review, _petition.CaseId, Lifecycle.Hrss,
        Lifecycle.DueBy(ReviewRequestedAt, 30), false, ReviewRequestedAt);

    private CaseAnswered ReviewAnswered() => new(
        _petition.PetitionId, _reviewId, CityHrss, CaseStages.Review, Outcomes.Explain, "经复查，原处理意见正确。",
        "《信访工作条例》第三十五条", Lifecycle.DueBy(ReviewAnsweredAt, 30), false, ReviewAnsweredAt);
}
