namespace PetitionPlatform.Notification.Domain;

/// <summary>A petition notification can write about: the number and receiving unit that its documents quote.</summary>
public sealed class KnownPetition
{
    public Guid PetitionId { get; init; }

    public required string Number { get; init; }

    public required string ReceivedBy { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }
}
