namespace PetitionPlatform.Messaging;

/// <summary>An event waiting in the service's database to be published (see <c>0001_messaging.sql</c>).</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; private set; }

    /// <summary>Becomes the MassTransit MessageId, so a re-publish after a crash is recognised by every inbox.</summary>
    public Guid Id { get; init; }

    public required string MessageType { get; init; }

    public required string Body { get; init; }

    /// <summary>W3C trace context of the work that caused the event, restored when it is published.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Failures that were the row's own (not the broker's); at <c>Outbox:MaxFaults</c> the row is set aside.</summary>
    public int Faults { get; set; }

    /// <summary>When the row was set aside; it waits for an operator's replay and no longer holds up the rows behind it.</summary>
    public DateTimeOffset? SetAsideAt { get; set; }

    /// <summary>
    /// The event object itself while the row is new in this process (not stored): what is committed is counted from it
    /// (see <c>CommittedEvents</c>) without reading the JSON back.
    /// </summary>
    internal object? Payload { get; init; }
}
