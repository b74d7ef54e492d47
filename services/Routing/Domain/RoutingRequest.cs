namespace PetitionPlatform.Routing.Domain;

/// <summary>A registered petition waiting for routing's decision: what routing needs to choose the responsible unit.</summary>
public sealed class RoutingRequest
{
    public Guid PetitionId { get; init; }

    public required string Kind { get; init; }

    public required string Topic { get; init; }

    public required string RegionCode { get; init; }

    public required string ReceivedBy { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }
}
