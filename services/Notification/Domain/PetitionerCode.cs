namespace PetitionPlatform.Notification.Domain;

/// <summary>
/// The query-code hash of a submission that never becomes a registered petition here: a duplicate of an open matter or
/// a resubmitted terminated one. Intake publishes no <c>PetitionRegistered</c> for those, yet the petitioner holds a
/// query code for each and must be able to read the receipt and the refusal sent about it.
/// </summary>
public sealed class PetitionerCode
{
    public Guid PetitionId { get; init; }

    public required string TrackingCodeHash { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
