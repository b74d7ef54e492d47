namespace PetitionPlatform.Supervision.Domain;

/// <summary>The ledger's entry of a registered petition: when its first clock started and what the indicators group by.</summary>
public sealed class LedgerPetition
{
    public Guid PetitionId { get; init; }

    public required string Number { get; init; }

    public required string Channel { get; init; }

    public required string Kind { get; init; }

    public required string Topic { get; init; }

    public required string RegionCode { get; init; }

    public required string ReceivedBy { get; init; }

    public int Headcount { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary><see cref="PetitionPlatform.Contracts.TrackingCodes.Hash"/> of the query code: the only key of the progress view.</summary>
    public string? TrackingCodeHash { get; init; }
}
