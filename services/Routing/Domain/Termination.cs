namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// A petition's matter is concluded (终结): a political-legal organ recorded it (涉法涉诉信访事项依法终结), or handling
/// answered its re-review. One per petition; routing decides nothing more about it.
/// </summary>
public sealed class Termination
{
    public Guid PetitionId { get; init; }

    /// <summary>The political-legal organ, or the re-reviewing unit.</summary>
    public required string OrgId { get; init; }

    /// <summary>One of <see cref="Contracts.TerminationReasons"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The organ's record number; none for a re-review.</summary>
    public string? RecordNumber { get; init; }

    /// <summary>The organ's own statement of why the matter is concluded; none for a re-review.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset TerminatedAt { get; init; }
}
