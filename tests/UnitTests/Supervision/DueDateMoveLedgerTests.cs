using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>A clock moved by a holiday notice in supervision's projection: the stage's new due date, and the move recorded once.</summary>
public sealed class DueDateMoveLedgerTests
{
    private readonly Lifecycle _petition = new();

    [Fact]
    public void A_moved_acceptance_clock_ends_on_the_new_date_and_lists_the_move_once()
    {
        var opened = _petition.Opened();
        var moved = Moved(DueDateClocks.Acceptance, opened.AcceptanceDueBy, opened.AcceptanceDueBy.AddDays(3), opened.OccurredAt.AddDays(1));

        // Delivered before the case's opening, and twice: the projection replays by time and keeps the move once.
        var progress = LedgerProjection.Project(_petition.PetitionId, [_petition.Registered(), _petition.Routed(), moved, opened, moved]);

        var clock = progress.Stages.Single(s => s.Stage == LedgerStages.Acceptance);
        Assert.Equal(opened.AcceptanceDueBy.AddDays(3), clock.DueBy);
        Assert.Equal([new DueDateMove(opened.AcceptanceDueBy, opened.AcceptanceDueBy.AddDays(3), 2026, "测试通知", moved.OccurredAt)], clock.Moves);
        var step = Assert.Single(progress.Steps, s => s.Step == ProgressSteps.DueDateChanged);
        Assert.Equal(opened.AcceptanceDueBy.AddDays(3), step.DueBy);
    }

    [Fact]
    public void A_moved_handling_clock_and_review_window_end_on_their_new_dates()
    {
        var accepted = _petition.Accepted();
        var answered = _petition.Answered();
        var handling = Moved(DueDateClocks.Answer, accepted.HandlingDueBy, accepted.HandlingDueBy.AddDays(1), accepted.OccurredAt.AddDays(1));
        var window = Moved(DueDateClocks.ReviewRequest, answered.ReviewDueBy, answered.ReviewDueBy.AddDays(2), answered.OccurredAt.AddDays(1));

        var progress = LedgerProjection.Project(_petition.PetitionId,
            [_petition.Registered(), _petition.Routed(), _petition.Opened(), accepted, handling, answered, window]);

        Assert.Equal(accepted.HandlingDueBy.AddDays(1), progress.Stages.Single(s => s.Stage == LedgerStages.Handling).DueBy);
        Assert.Equal(answered.ReviewDueBy.AddDays(2), progress.Answer!.ReviewDueBy);
        Assert.Empty(progress.Stages.Single(s => s.Stage == LedgerStages.Acceptance).Moves);
    }

    [Fact]
    public void A_moved_dispute_ends_on_its_new_date_and_an_earlier_settled_one_keeps_its_own()
    {
        const string superior = "130700/petition-bureau";
        var first = new RoutingDecisionRequired(_petition.PetitionId, Lifecycle.Hrss, superior, "不属本单位职责", false,
            _petition.RoutedAt.AddDays(1), _petition.RoutedAt.AddDays(8));
        var settled = _petition.Routed(attempt: 1, at: first.OccurredAt.AddDays(2));
        var second = first with { OccurredAt = settled.OccurredAt.AddDays(1), DecideBy = settled.OccurredAt.AddDays(8) };
        var moved = new DueDateChanged(_petition.PetitionId, null, superior, DueDateClocks.DisputeDecision, null, second.OccurredAt,
            second.DecideBy!.Value, second.DecideBy.Value.AddDays(2), 2026, "测试通知", false, second.OccurredAt.AddDays(1));

        var progress = LedgerProjection.Project(_petition.PetitionId,
            [_petition.Registered(), _petition.Routed(), first, settled, second, moved, moved]);

        var disputes = progress.Stages.Where(s => s.Stage == LedgerStages.RoutingDecision).OrderBy(s => s.StartedAt).ToList();
        Assert.Equal([first.DecideBy!.Value, second.DecideBy.Value.AddDays(2)], disputes.Select(d => d.DueBy));
        Assert.Empty(disputes[0].Moves);
        Assert.Equal([new DueDateMove(second.DecideBy.Value, second.DecideBy.Value.AddDays(2), 2026, "测试通知", moved.OccurredAt)], disputes[1].Moves);
    }

    private DueDateChanged Moved(string clock, DateTimeOffset previous, DateTimeOffset dueBy, DateTimeOffset at) => new(
        _petition.PetitionId, _petition.CaseId, Lifecycle.Hrss, clock, CaseStages.Original, at.AddDays(-1), previous, dueBy, 2026, "测试通知", false, at);
}
