namespace PetitionPlatform.Notification.Delivery;

/// <summary>The background sender's tuning, bound from the <c>Delivery</c> configuration section.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How often the sender looks for messages due; new messages wait at most this long.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts in all, the first included; after the last failure a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait after the first failure; doubled after each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A channel that hangs counts as a failure after this long.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryDelayAfter(int failedAttempts) => TimeSpan.FromTicks(Math.Min(
        MaxRetryDelay.Ticks,
        FirstRetryDelay.Ticks * (long)Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 20))));
}
