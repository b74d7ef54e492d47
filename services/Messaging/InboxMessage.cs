namespace PetitionPlatform.Messaging;

/// <summary>A message a consumer has processed; its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    /// <summary>The receive queue, which in this platform is one consumer.</summary>
    public required string Consumer { get; init; }

    public required string MessageType { get; init; }

    public Guid? PetitionId { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }

    /// <summary>
    /// W3C trace context of the consumption, so that work the consumer leaves for later (a notification delivered by a
    /// background sender) can still join the trace of the request that caused it.
    /// </summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }
}
