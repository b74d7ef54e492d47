namespace PetitionPlatform.Notification.Domain;

public static class NotificationStatuses
{
    public const string Pending = "pending";
    public const string Sent = "sent";

    /// <summary>Gave up after the configured number of attempts; kept with the last error for an operator.</summary>
    public const string Failed = "failed";
}
