namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// One lifecycle event as supervision received it. The ledger is a projection of these rows, so the order in which
/// they arrived never matters: only when they occurred.
/// </summary>
public sealed class LedgerEvent
{
    public Guid MessageId { get; init; }

    public Guid PetitionId { get; init; }

    /// <summary>The contract's name (e.g. <c>CaseAccepted</c>), which says how to read <see cref="Body"/>.</summary>
    public required string Type { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The event as JSON.</summary>
    public required string Body { get; init; }

    /// <summary>SHA-256 of type and body: the same event published twice under two message ids is kept once.</summary>
    public required string Fingerprint { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
