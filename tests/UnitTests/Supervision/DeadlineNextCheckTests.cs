using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>
/// <see cref="DeadlineRule.NextCheck"/> lets the evaluation leave a clock alone until then; it is right when judging
/// the clock any earlier would find nothing new and judging it then finds something.
/// </summary>
public sealed class DeadlineNextCheckTests
{
    private static readonly DateTimeOffset s_due = new(2026, 3, 17, 23, 59, 59, TimeSpan.FromHours(8));
    private static readonly DeadlinePolicy s_policy = DeadlinePolicy.Default;

    private static WatchedClock Handling(DateTimeOffset? doneAt = null, bool confidential = false) => new(
        Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), "130724-20260101-00001", confidential,
        new StageClock(LedgerStages.Handling, Lifecycle.Hrss, Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"), s_due.AddDays(-60), s_due, doneAt));

    /// <summary>Instants around every step: a grid every five hours from ten days before to thirty after, and each step's edges.</summary>
    public static TheoryData<int> Instants()
    {
        var data = new TheoryData<int>();
        for (var hours = -240; hours <= 720; hours += 5)
        {
            data.Add(hours);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Instants))]
    public void Nothing_new_falls_due_before_the_next_check_and_something_does_at_it(int hoursFromDue)
    {
        foreach (var confidential in new[] { false, true })
        {
            var clock = Handling(confidential: confidential);
            var asOf = s_due.AddHours(hoursFromDue);
            // What the evaluation at asOf issued: from then on those keys are taken.
            var issued = DeadlineRule.Due(clock, asOf, s_policy, 2, new HashSet<string>()).Select(n => n.Key).ToHashSet();

            var next = DeadlineRule.NextCheck(clock, asOf, s_policy, 2);

            if (next is null)
            {
                Assert.Empty(DeadlineRule.Due(clock, asOf.AddYears(5), s_policy, 2, issued));
                continue;
            }

            Assert.True(next > asOf);
            Assert.Empty(DeadlineRule.Due(clock, next.Value.AddTicks(-1), s_policy, 2, issued));
            Assert.NotEmpty(DeadlineRule.Due(clock, next.Value, s_policy, 2, issued));
        }
    }

    [Fact]
    public void The_checks_of_an_open_clock_are_the_reminder_then_the_first_instant_overdue_then_each_escalation_then_none()
    {
        var grace = s_policy.EscalationGrace;
        Assert.Equal(s_due.AddDays(-7), DeadlineRule.NextCheck(Handling(), s_due.AddDays(-30), s_policy, 2));
        Assert.Equal(s_due.AddTicks(1), DeadlineRule.NextCheck(Handling(), s_due.AddDays(-7), s_policy, 2));
        Assert.Equal(s_due.AddTicks(1), DeadlineRule.NextCheck(Handling(), s_due, s_policy, 2));
        Assert.Equal((s_due + grace).AddTicks(1), DeadlineRule.NextCheck(Handling(), s_due.AddSeconds(1), s_policy, 2));
        Assert.Equal((s_due + (grace * 2)).AddTicks(1), DeadlineRule.NextCheck(Handling(), s_due + grace + TimeSpan.FromSeconds(1), s_policy, 2));
        Assert.Null(DeadlineRule.NextCheck(Handling(), s_due + (grace * 2) + TimeSpan.FromSeconds(1), s_policy, 2));
    }

    [Fact]
    public void A_done_clock_and_an_overdue_confidential_one_need_no_further_check()
    {
        Assert.Null(DeadlineRule.NextCheck(Handling(doneAt: s_due.AddDays(-1)), s_due.AddDays(-30), s_policy, 2));
        // A confidential matter is never escalated: after its overdue notice nothing more is due.
        Assert.Null(DeadlineRule.NextCheck(Handling(confidential: true), s_due.AddSeconds(1), s_policy, 2));
    }
}
