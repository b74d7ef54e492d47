namespace PetitionPlatform.Messaging;

/// <summary>Dispatcher tuning, bound from the <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    /// <summary>Safety-net poll; commits normally wake the dispatcher at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker's confirm before the batch is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound of the back-off while the broker is unreachable.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many times a row may fail for a reason of its own before it is set aside. A row that cannot be read fails the
    /// same way every time; a few rounds of back-off rule out a passing fault before the rest of the outbox moves on.
    /// </summary>
    public int MaxFaults { get; set; } = 5;
}
