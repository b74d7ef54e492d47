using PetitionPlatform.Data.Protection;

namespace PetitionPlatform.Notification.Domain;

/// <summary>
/// One templated message to one recipient, kept after delivery as the record of what was sent (文书留存).
/// (source message, template, recipient) is unique: whatever redelivers an event, a message is written once.
/// </summary>
public sealed class NotificationMessage
{
    public Guid Id { get; init; }

    public Guid PetitionId { get; init; }

    /// <summary>The id of the event that caused the message.</summary>
    public Guid SourceMessageId { get; init; }

    public required string Template { get; init; }

    public required string Channel { get; init; }

    public required string RecipientKind { get; init; }

    public required string RecipientKey { get; init; }

    /// <summary>The kept copy of the document. For the receipt, the query code in it is masked.</summary>
    public required string Text { get; init; }

    /// <summary>
    /// The text to deliver when it differs from the kept copy (the receipt with the full query code), sealed with
    /// <see cref="ReceiptSealing"/>: the code is never kept in clear. Cleared as soon as delivery ends.
    /// </summary>
    public byte[]? SealedDeliveryText { get; private set; }

    public string Status { get; private set; } = NotificationStatuses.Pending;

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the sender may try (again); pushed back after each failure.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public Recipient Recipient => new(RecipientKind, RecipientKey);

    /// <summary>What the channel receives: the sealed delivery text opened, else the kept copy.</summary>
    public string TextToDeliver(ReceiptSealing sealing) => SealedDeliveryText is null ? Text : sealing.Open(SealedDeliveryText);

    public static NotificationMessage Create(
        Guid petitionId, Guid sourceMessageId, string template, Recipient recipient, string channel,
        string text, byte[]? sealedDeliveryText, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            PetitionId = petitionId,
            SourceMessageId = sourceMessageId,
            Template = template,
            Channel = channel,
            RecipientKind = recipient.Kind,
            RecipientKey = recipient.Key,
            Text = text,
            SealedDeliveryText = sealedDeliveryText,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        Status = NotificationStatuses.Sent;
        SentAt = now;
        LastError = null;
        SealedDeliveryText = null;
    }

    /// <summary>Records a failed attempt: try again after <paramref name="retryDelay"/>, or give up once the limit is reached.</summary>
    public void MarkAttemptFailed(string error, DateTimeOffset now, int maxAttempts, TimeSpan retryDelay)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= maxAttempts)
        {
            Status = NotificationStatuses.Failed;
            SealedDeliveryText = null;
            return;
        }

        NextAttemptAt = now + retryDelay;
    }
}
