namespace PetitionPlatform.Messaging;

/// <summary>
/// A message a consumer could not process after its quick retries (see <c>0003_set_aside.sql</c>): waiting until
/// <see cref="ReleaseAt"/> to go back to its queue, or set aside for an operator when that is null.
/// </summary>
public sealed class HeldMessage
{
    /// <summary>The message's own id, kept when it is sent back, so the inbox still recognises it.</summary>
    public Guid MessageId { get; init; }

    /// <summary>The queue it came from and goes back to: in this platform, one consumer.</summary>
    public required string Consumer { get; init; }

    public required string MessageType { get; init; }

    public required string Body { get; init; }

    public Guid? PetitionId { get; init; }

    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    /// <summary>How many times it has been sent back already.</summary>
    public int Redeliveries { get; set; }

    public required string LastError { get; set; }

    public DateTimeOffset HeldAt { get; set; }

    public DateTimeOffset? ReleaseAt { get; set; }
}
