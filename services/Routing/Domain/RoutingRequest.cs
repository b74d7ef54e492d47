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

    public PetitionFacts Facts => new(Kind, Topic, Subtopic, RegionCode, ReceivedBy);
}
