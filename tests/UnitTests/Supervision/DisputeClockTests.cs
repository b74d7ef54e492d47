using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>
/// A disputed matter's decision period (routing's <c>DecideBy</c>) as a ledger clock: at the decider, open until a
/// routing decision follows, and judged by the deadline rule like every other clock.
/// </summary>
public sealed class DisputeClockTests
{
    private const string Decider = "130724/petition-bureau";

    private readonly Lifecycle _petition = new();

    private DateTimeOffset DeclinedAt => _petition.RoutedAt.AddDays(1);

    private DateTimeOffset DisputedAt => _petition.RoutedAt.AddDays(2);

    private DateTimeOffset DecideBy => Lifecycle.DueBy(DisputedAt, 7);

    private RoutingDecisionRequired Disputed(DateTimeOffset? decideBy) =>
        new(_petition.PetitionId, Lifecycle.Hrss, Decider, "no candidate left", false, DisputedAt, decideBy);

    private List<IPetitionEvent> UpToDispute(DateTimeOffset? decideBy) =>
        [_petition.Registered(), _petition.Routed(), _petition.Opened(), _petition.Declined(DeclinedAt), Disputed(decideBy)];

    [Fact]
    public void A_dispute_with_a_decision_date_opens_a_clock_at_the_decider()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId, UpToDispute(DecideBy));

        var clock = Assert.Single(progress.Stages, s => s.Stage == LedgerStages.RoutingDecision);
        Assert.Equal(new StageClock(LedgerStages.RoutingDecision, Decider, null, DisputedAt, DecideBy, null), clock);
        Assert.Equal(new ProgressStep(ProgressSteps.AwaitingRoutingDecision, Decider, DisputedAt, DecideBy), progress.Steps[^1]);
    }

    [Fact]
    public void A_dispute_announced_without_a_decision_date_has_no_clock()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId, UpToDispute(null));

        Assert.DoesNotContain(progress.Stages, s => s.Stage == LedgerStages.RoutingDecision);
    }

    [Fact]
    public void The_deciders_reroute_closes_the_clock()
    {
        var reroutedAt = DisputedAt.AddDays(3);
        var progress = LedgerProjection.Project(_petition.PetitionId,
            [.. UpToDispute(DecideBy), _petition.Routed(to: Lifecycle.Township, attempt: 1, at: reroutedAt)]);

        Assert.Equal(reroutedAt, progress.Stages.Single(s => s.Stage == LedgerStages.RoutingDecision).DoneAt);
        Assert.False(progress.Stages.Single(s => s.Stage == LedgerStages.RoutingDecision).IsOverdueAt(reroutedAt.AddYears(1)));
    }

    [Fact]
    public void A_routing_before_the_dispute_does_not_close_it_whatever_order_the_events_arrive_in()
    {
        // The first routing arrives last, yet it occurred before the dispute: the decider has not decided.
        var events = UpToDispute(DecideBy);
        var firstRouting = events[1];
        events.RemoveAt(1);
        events.Add(firstRouting);

        var clock = LedgerProjection.Project(_petition.PetitionId, events).Stages.Single(s => s.Stage == LedgerStages.RoutingDecision);

        Assert.Null(clock.DoneAt);
    }

    [Fact]
    public void The_same_dispute_kept_twice_is_one_clock()
    {
        var progress = LedgerProjection.Project(_petition.PetitionId, [.. UpToDispute(DecideBy), Disputed(DecideBy)]);

        Assert.Single(progress.Stages, s => s.Stage == LedgerStages.RoutingDecision);
    }

    [Fact]
    public void A_second_dispute_after_a_reroute_gets_its_own_clock()
    {
        var reroutedAt = DisputedAt.AddDays(3);
        var secondAt = reroutedAt.AddDays(2);
        var second = new RoutingDecisionRequired(_petition.PetitionId, Lifecycle.Township, Decider, "no candidate left", false, secondAt,
            Lifecycle.DueBy(secondAt, 7));

        var clocks = LedgerProjection.Project(_petition.PetitionId,
                [.. UpToDispute(DecideBy), _petition.Routed(to: Lifecycle.Township, attempt: 1, at: reroutedAt), second])
            .Stages.Where(s => s.Stage == LedgerStages.RoutingDecision).ToList();

        Assert.Equal([(DisputedAt, (DateTimeOffset?)reroutedAt), (secondAt, null)], clocks.Select(c => (c.StartedAt, c.DoneAt)));
    }

    [Fact]
    public void An_undecided_dispute_gets_a_reminder_an_overdue_notice_and_escalations_each_once()
    {
        var clock = LedgerProjection.Project(_petition.PetitionId, UpToDispute(DecideBy)).Stages.Single(s => s.Stage == LedgerStages.RoutingDecision);
        var watched = new WatchedClock(_petition.PetitionId, "130724-20260302-00001", false, clock);
        var policy = DeadlinePolicy.Default;
        var issued = new HashSet<string>();

        List<(string, int)> Run(DateTimeOffset asOf)
        {
            var due = DeadlineRule.Due(watched, asOf, policy, 2, issued);
            issued.UnionWith(due.Select(n => n.Key));
            return [.. due.Select(n => (n.Kind, n.Level))];
        }

        // A seven-day period is nearly all within the seven-day reminder lead: the reminder comes at the end of the first day.
        Assert.Empty(Run(DisputedAt));
        Assert.Equal([(NoticeKinds.Reminder, 0)], Run(DecideBy - policy.ReminderLead));
        Assert.Empty(Run(DecideBy));
        Assert.Equal([(NoticeKinds.Overdue, 0)], Run(DecideBy.AddSeconds(1)));
        Assert.Equal([(NoticeKinds.Escalation, 1)], Run(DecideBy + policy.EscalationGrace + TimeSpan.FromSeconds(1)));
        Assert.Equal([(NoticeKinds.Escalation, 2)], Run(DecideBy.AddYears(1)));
        Assert.Empty(Run(DecideBy.AddYears(2)));
    }
}
