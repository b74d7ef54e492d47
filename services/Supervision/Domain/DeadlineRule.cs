namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// The deadline evaluation's rule, pure: given a clock, the instant it is judged at and the notices already issued,
/// which notices are now due. Judged against the deadline alone, so that every run at the same instant agrees and a
/// late run catches up on everything that fell due meanwhile.
/// </summary>
public static class DeadlineRule
{
    /// <param name="escalationLevels">How many steps up the chain there are for the clock's unit (see <see cref="OrgChain"/>).</param>
    /// <param name="issued">Keys of the notices already issued (<see cref="NoticeKeys"/>).</param>
    public static IReadOnlyList<DueNotice> Due(
        WatchedClock watched, DateTimeOffset asOf, DeadlinePolicy policy, int escalationLevels, IReadOnlySet<string> issued)
    {
        ArgumentNullException.ThrowIfNull(watched);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(issued);
        var clock = watched.Clock;
        if (clock.DoneAt is not null)
        {
            return [];
        }

        var due = new List<DueNotice>();
        if (!clock.IsOverdueAt(asOf))
        {
            // A reminder after the deadline would say less than the overdue notice that replaces it.
            if (asOf >= clock.DueBy - policy.ReminderLead)
            {
                due.Add(new DueNotice(watched, NoticeKinds.Reminder, 0));
            }
        }
        else
        {
            due.Add(new DueNotice(watched, NoticeKinds.Overdue, 0));
            // A confidential matter (a report to discipline inspection) is shown to no unit but the responsible one.
            var levels = watched.Confidential ? 0 : escalationLevels;
            for (var level = 1; level <= levels && asOf > clock.DueBy + (policy.EscalationGrace * level); level++)
            {
                due.Add(new DueNotice(watched, NoticeKinds.Escalation, level));
            }
        }

        return [.. due.Where(notice => !issued.Contains(notice.Key))];
    }

    /// <summary>
    /// The first instant after <paramref name="asOf"/> at which <see cref="Due"/> could name a notice it does not name
    /// at <paramref name="asOf"/>, or null when none can ever fall due on this clock as it stands (done, or every step
    /// up the chain taken). Until then judging the clock again would find nothing new, so the evaluation leaves it be;
    /// an event of the petition makes it judged again whatever this said.
    /// </summary>
    /// <param name="escalationLevels">As for <see cref="Due"/>; read only once the clock is overdue.</param>
    public static DateTimeOffset? NextCheck(WatchedClock watched, DateTimeOffset asOf, DeadlinePolicy policy, int escalationLevels)
    {
        ArgumentNullException.ThrowIfNull(watched);
        ArgumentNullException.ThrowIfNull(policy);
        var clock = watched.Clock;
        if (clock.DoneAt is not null)
        {
            return null;
        }

        var reminderAt = clock.DueBy - policy.ReminderLead;
        if (asOf < reminderAt)
        {
            return reminderAt;
        }

        // Overdue is strictly after the deadline (StatutoryCalendar.IsOverdue), and so is each escalation after its grace.
        if (!clock.IsOverdueAt(asOf))
        {
            return clock.DueBy.AddTicks(1);
        }

        var levels = watched.Confidential ? 0 : escalationLevels;
        for (var level = 1; level <= levels; level++)
        {
            var escalatesAfter = clock.DueBy + (policy.EscalationGrace * level);
            if (asOf <= escalatesAfter)
            {
                return escalatesAfter.AddTicks(1);
            }
        }

        return null;
    }

    /// <summary>Whether judging the clock needs the unit's chain of superiors (only overdue notices go up it).</summary>
    public static bool NeedsChain(WatchedClock watched, DateTimeOffset asOf) =>
        watched.Clock.DoneAt is null && watched.Clock.IsOverdueAt(asOf);
}
