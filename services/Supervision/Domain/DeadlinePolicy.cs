namespace PetitionPlatform.Supervision.Domain;

/// <summary>When the deadline evaluation warns and escalates.</summary>
/// <param name="ReminderLead">How long before a deadline the reminder goes out (seven days, 提前七天).</param>
/// <param name="EscalationGrace">How long an overdue clock may stay open before each further step up the chain.</param>
public sealed record DeadlinePolicy(TimeSpan ReminderLead, TimeSpan EscalationGrace)
{
    public static DeadlinePolicy Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(7));
}
