namespace PetitionPlatform.Contracts;

/// <summary>
/// Notification delivered a templated message. <paramref name="RecipientOrgId"/> is null when the recipient is the
/// petitioner (who is never named in events).
/// </summary>
public sealed record NotificationSent(
    Guid PetitionId,
    Guid NotificationId,
    string Template,
    string? RecipientOrgId,
    string Channel,
    DateTimeOffset OccurredAt) : IPetitionEvent;
