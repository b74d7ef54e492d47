using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// A registered petition as routing knows it: the facts every decision (the first and each re-decision) is made
/// from, and whether it currently waits for a superior to decide.
/// </summary>
public sealed class RoutingRequest
{
    public Guid PetitionId { get; init; }

    public required string Kind { get; init; }

    public required string Topic { get; init; }

    public string? Subtopic { get; init; }

    public required string RegionCode { get; init; }

    public required string ReceivedBy { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Set while no unit is left and the common superior must decide (after RoutingDecisionRequired).</summary>
    public string? AwaitingDecisionBy { get; set; }

    public string? AwaitingReason { get; set; }

    /// <summary>While awaiting: the date by which the superior is to decide (Routing:DisputeDecisionPeriod days).</summary>
    public DateTimeOffset? DecideBy { get; set; }

    /// <summary>While awaiting: when the dispute began, the start <see cref="DecideBy"/> is counted from.</summary>
    public DateTimeOffset? AwaitingSince { get; set; }

    /// <summary>
    /// A dispute still running, counted again on <paramref name="calendar"/> (a holiday notice just loaded): its new date,
    /// or null when it ended, ran out before <paramref name="now"/> (a late notice does not reopen a period) or stays.
    /// </summary>
    public DateTimeOffset? RecountDecideBy(StatutoryCalendar calendar, int period, DateTimeOffset now)
    {
        if (AwaitingDecisionBy is null || AwaitingSince is not { } since || DecideBy is not { } previous || previous < now)
        {
            return null;
        }

        var dueBy = calendar.DueBy(since, period);
        if (dueBy == previous)
        {
            return null;
        }

        DecideBy = dueBy;
        return dueBy;
    }

    public PetitionFacts Facts => new(Kind, Topic, Subtopic, RegionCode, ReceivedBy);
}
