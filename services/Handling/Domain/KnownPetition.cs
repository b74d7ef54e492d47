namespace PetitionPlatform.Handling.Domain;

/// <summary>A petition handling knows of: its number for the case files, and its kind, since reports are confidential.</summary>
public sealed class KnownPetition
{
    public Guid PetitionId { get; init; }

    public required string Number { get; init; }

    public required string Kind { get; init; }

    public required string RegionCode { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }
}
