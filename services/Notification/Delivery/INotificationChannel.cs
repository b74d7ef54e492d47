namespace PetitionPlatform.Notification.Delivery;

/// <summary>
/// A way of getting a message to its recipient (SMS gateway, letter printing, online inbox, the units' internal
/// system). Registered as a keyed service under the channel's name (<see cref="Domain.DeliveryChannels"/>).
/// Throwing means "not delivered": the sender retries later. A real SMS or letter channel would ask intake, the only
/// holder of contact details, for the petitioner's by <see cref="OutgoingDelivery.PetitionId"/>.
/// </summary>
public interface INotificationChannel
{
    Task DeliverAsync(OutgoingDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>What a channel is given: the text and the recipient as notification knows them (an org id or a petition id).</summary>
public sealed record OutgoingDelivery(
    Guid NotificationId,
    Guid PetitionId,
    string Channel,
    string RecipientKind,
    string RecipientKey,
    string Template,
    string Text,
    int Attempt);
