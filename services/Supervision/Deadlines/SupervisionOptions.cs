namespace PetitionPlatform.Supervision.Deadlines;

/// <summary>The <c>Supervision</c> configuration section.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>How often the hosted deadline evaluation runs.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long before a deadline the reminder goes out.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an overdue clock stays open before each further escalation step.</summary>
    public TimeSpan EscalationGrace { get; set; } = TimeSpan.FromDays(7);

    public SpikeOptions Spike { get; set; } = new();

    public sealed class SpikeOptions
    {
        /// <summary>The length of the fixed windows in which registrations of one topic in one county are counted.</summary>
        public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

        /// <summary>How many registrations in one window make a spike.</summary>
        public int Threshold { get; set; } = 5;
    }
}
