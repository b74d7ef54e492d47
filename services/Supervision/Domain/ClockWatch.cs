namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// What the deadline evaluation and the backlog read instead of the whole ledger: one row for each petition that has
/// open clocks or events not judged since they arrived. A petition whose clocks are all done has no row, so history
/// costs them nothing (issue #14).
/// </summary>
public sealed class ClockWatch
{
    public Guid PetitionId { get; init; }

    /// <summary>Events arrived since the last judgement: the clocks below may be out of date and the petition is judged next.</summary>
    public bool Changed { get; init; }

    /// <summary>Raised by every event, so that a judgement of an earlier state does not clear <see cref="Changed"/>.</summary>
    public long Revision { get; init; }

    /// <summary>When to judge the petition again (<see cref="DeadlineRule.NextCheck"/> of its open clocks); null: only after its next event.</summary>
    public DateTimeOffset? CheckAt { get; init; }

    /// <summary>The earliest deadline among the open clocks as last judged: the backlog reads the petitions past it.</summary>
    public DateTimeOffset? EarliestDue { get; init; }
}
