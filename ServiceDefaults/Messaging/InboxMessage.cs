namespace PetitionPlatform.ServiceDefaults.Messaging;

/// <summary>A message a consumer has processed; its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    /// <summary>The receive queue, which in this platform is one consumer.</summary>
    public required string Consumer { get; init; }

    public required string MessageType { get; init; }

    public Guid? PetitionId { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
