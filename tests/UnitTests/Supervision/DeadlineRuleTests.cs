using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

public sealed class DeadlineRuleTests
{
    private static readonly DateTimeOffset s_due = new(2026, 3, 17, 23, 59, 59, TimeSpan.FromHours(8));
    private static readonly DeadlinePolicy s_policy = DeadlinePolicy.Default;
    private static readonly HashSet<string> s_none = [];

    private static WatchedClock Handling(DateTimeOffset? doneAt = null, bool confidential = false) => new(
        Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), "130724-20260101-00001", confidential,
        new StageClock(LedgerStages.Handling, Lifecycle.Hrss, Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"), s_due.AddDays(-60), s_due, doneAt));

    private static List<(string Kind, int Level)> Due(WatchedClock clock, DateTimeOffset asOf, int levels = 2, IReadOnlySet<string>? issued = null) =>
        [.. DeadlineRule.Due(clock, asOf, s_policy, levels, issued ?? s_none).Select(n => (n.Kind, n.Level))];

    [Fact]
    public void Nothing_is_due_more_than_seven_days_before_the_deadline()
    {
        Assert.Empty(Due(Handling(), s_due.AddDays(-7).AddSeconds(-1)));
    }

    [Fact]
    public void The_reminder_is_due_from_seven_days_before_the_deadline_up_to_the_deadline_itself()
    {
        Assert.Equal([(NoticeKinds.Reminder, 0)], Due(Handling(), s_due.AddDays(-7)));
        Assert.Equal([(NoticeKinds.Reminder, 0)], Due(Handling(), s_due));
    }

    [Fact]
    public void The_overdue_notice_is_due_from_the_first_second_after_the_deadline_and_replaces_the_reminder()
    {
        Assert.Equal([(NoticeKinds.Overdue, 0)], Due(Handling(), s_due.AddSeconds(1)));
    }

    [Fact]
    public void Each_grace_past_the_deadline_adds_one_escalation_level_up_to_the_last()
    {
        var grace = s_policy.EscalationGrace;
        Assert.Equal([(NoticeKinds.Overdue, 0)], Due(Handling(), s_due + grace));
        Assert.Equal([(NoticeKinds.Overdue, 0), (NoticeKinds.Escalation, 1)], Due(Handling(), s_due + grace + TimeSpan.FromSeconds(1)));
        Assert.Equal([(NoticeKinds.Overdue, 0), (NoticeKinds.Escalation, 1), (NoticeKinds.Escalation, 2)],
            Due(Handling(), s_due + (grace * 2) + TimeSpan.FromSeconds(1)));
        // Two levels above a county unit (city, province): no third step however long it stays open.
        Assert.Equal(3, Due(Handling(), s_due.AddYears(1)).Count);
    }

    [Fact]
    public void Notices_already_issued_are_not_due_again()
    {
        var clock = Handling();
        var asOf = s_due + (s_policy.EscalationGrace * 2) + TimeSpan.FromHours(1);
        var issued = DeadlineRule.Due(clock, asOf, s_policy, 2, s_none).Select(n => n.Key).ToHashSet();

        Assert.Equal(3, issued.Count);
        Assert.Empty(Due(clock, asOf, issued: issued));
        Assert.Empty(Due(clock, asOf.AddDays(30), issued: issued));
    }

    [Fact]
    public void A_done_clock_is_ignored_even_if_it_was_done_late()
    {
        Assert.Empty(Due(Handling(doneAt: s_due.AddDays(-1)), s_due.AddDays(-3)));
        Assert.Empty(Due(Handling(doneAt: s_due.AddDays(3)), s_due.AddDays(30)));
    }

    [Fact]
    public void A_confidential_clock_gets_its_reminder_and_overdue_notice_but_is_never_escalated()
    {
        Assert.Equal([(NoticeKinds.Overdue, 0)], Due(Handling(confidential: true), s_due.AddYears(1)));
    }

    [Fact]
    public void A_new_deadline_after_an_extension_is_warned_of_again()
    {
        var before = Handling();
        var reminded = DeadlineRule.Due(before, s_due.AddDays(-1), s_policy, 2, s_none).Select(n => n.Key).ToHashSet();
        var extended = before with { Clock = before.Clock with { DueBy = s_due.AddDays(20) } };

        Assert.Empty(Due(before, s_due, issued: reminded));
        Assert.Equal([(NoticeKinds.Reminder, 0)], Due(extended, s_due.AddDays(14), issued: reminded));
    }

    [Fact]
    public void Only_an_open_overdue_clock_needs_the_chain_of_superiors()
    {
        Assert.False(DeadlineRule.NeedsChain(Handling(), s_due));
        Assert.True(DeadlineRule.NeedsChain(Handling(), s_due.AddSeconds(1)));
        Assert.False(DeadlineRule.NeedsChain(Handling(doneAt: s_due), s_due.AddDays(9)));
    }
}
