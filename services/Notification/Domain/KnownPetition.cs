using PetitionPlatform.Contracts;

namespace PetitionPlatform.Notification.Domain;

/// <summary>
/// A petition notification can write about: the number its documents quote, the door it came in by (which decides
/// how the petitioner is written to), and the hash of the query code (how a petitioner asks for their messages).
/// Never personal data.
/// </summary>
public sealed class KnownPetition
{
    public Guid PetitionId { get; init; }

    public required string Number { get; init; }

    public required string ReceivedBy { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Null only for petitions recorded before the hash was carried by <c>PetitionRegistered</c>.</summary>
    public string? TrackingCodeHash { get; init; }

    public string? Channel { get; init; }

    public string? Kind { get; init; }

    /// <summary>Reports (检举控告) are confidential whatever a later event says.</summary>
    public bool IsReport => PetitionKinds.IsConfidential(Kind);
}
