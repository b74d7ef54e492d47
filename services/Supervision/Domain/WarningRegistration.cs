namespace PetitionPlatform.Supervision.Domain;

/// <summary>A registration as the topic-spike rule counts it: where (county-level region), what about, and when.</summary>
public sealed class WarningRegistration
{
    public Guid PetitionId { get; init; }

    public required string CountyCode { get; init; }

    public required string Topic { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }
}
