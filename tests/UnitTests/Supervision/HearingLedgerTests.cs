using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>A hearing (听证) on a review case in supervision's projection: the review clock's due date and the hearings it lists.</summary>
public sealed class HearingLedgerTests
{
    private const string CityHrss = "130700/hrss";

    private readonly Lifecycle _petition = new();
    private readonly Guid _reviewId = Guid.NewGuid();

    private DateTimeOffset RequestedAt => _petition.EvaluatedAt.AddDays(1);

    private DateOnly FirstDay => StatutoryCalendar.DayOf(RequestedAt).AddDays(2);

    [Fact]
    public void The_last_hearing_event_sets_the_review_due_date_and_every_hearing_is_listed_once()
    {
        var first = Hearing(FirstDay, FirstDay.AddDays(1), 32, RequestedAt.AddDays(4));
        var second = Hearing(FirstDay.AddDays(5), FirstDay.AddDays(5), 33, RequestedAt.AddDays(8));

        // Delivered out of order and the first one twice: the projection replays by time and keeps each hearing once.
        var progress = LedgerProjection.Project(_petition.PetitionId, [.. _petition.MainPath(), second, ReviewRequested(), first, first]);

        var clock = progress.Stages.Single(s => s.Stage == LedgerStages.Review);
        Assert.Equal(Lifecycle.DueBy(RequestedAt, 33), clock.DueBy);
        Assert.Equal([new HearingPeriod(FirstDay, FirstDay.AddDays(1)), new HearingPeriod(FirstDay.AddDays(5), FirstDay.AddDays(5))], clock.Hearings);
        Assert.Equal(2, progress.Steps.Count(s => s.Step == ProgressSteps.HearingHeld));
        Assert.Equal(Lifecycle.DueBy(RequestedAt, 33), progress.Steps[^1].DueBy);
        Assert.Equal(ProgressStatuses.UnderReview, progress.Status);
    }

    [Fact]
    public void Without_a_hearing_the_review_clock_keeps_its_thirty_days_and_lists_none()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId, [.. _petition.MainPath(), ReviewRequested()]);

        var clock = progress.Stages.Single(s => s.Stage == LedgerStages.Review);
        Assert.Equal(Lifecycle.DueBy(RequestedAt, 30), clock.DueBy);
        Assert.Empty(clock.Hearings);
    }

    private ReviewRequested ReviewRequested() => new(
        _petition.PetitionId, _reviewId, CityHrss, CaseStages.Review, _petition.CaseId, Lifecycle.Hrss, Lifecycle.DueBy(RequestedAt, 30), false, RequestedAt);

    private CaseHearingRecorded Hearing(DateOnly startedOn, DateOnly endedOn, int periodDays, DateTimeOffset at) => new(
        _petition.PetitionId, _reviewId, CityHrss, CaseStages.Review, startedOn, endedOn, Lifecycle.DueBy(RequestedAt, periodDays), false, at);
}
