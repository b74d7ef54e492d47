namespace PetitionPlatform.Handling.Domain;

/// <summary>
/// A petition handling knows of: its number for the case files, its kind, since reports are confidential, and the hash of
/// the petitioner's query code, with which the petitioner proves themselves when evaluating an answer.
/// </summary>
public sealed class KnownPetition
{
    public Guid PetitionId { get; init; }

    public required string Number { get; init; }

    public required string Kind { get; init; }

    public required string RegionCode { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary><see cref="Contracts.TrackingCodes.Hash"/> of the query code; null for petitions recorded before it was sent.</summary>
    public string? TrackingCodeHash { get; init; }
}
