namespace PetitionPlatform.Notification.Delivery;

/// <summary>
/// The development channel: "delivers" by accepting the message. The sender then marks the row sent, so the kept copy
/// in the notifications table is what a tester reads (GET /api/notifications). It logs which message went where, never
/// the text, which may hold the query code or the unit's opinion.
/// </summary>
public sealed partial class DevelopmentSinkChannel(ILogger<DevelopmentSinkChannel> logger) : INotificationChannel
{
    public Task DeliverAsync(OutgoingDelivery delivery, CancellationToken cancellationToken)
    {
        LogDelivered(logger, delivery.NotificationId, delivery.Template, delivery.Channel, delivery.RecipientKind,
            delivery.RecipientKind == Domain.Recipient.Org ? delivery.RecipientKey : delivery.PetitionId.ToString());
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Development sink delivered notification {NotificationId} ({Template}) by {Channel} to {RecipientKind} {RecipientKey}")]
    private static partial void LogDelivered(ILogger logger, Guid notificationId, string template, string channel, string recipientKind, string recipientKey);
}
