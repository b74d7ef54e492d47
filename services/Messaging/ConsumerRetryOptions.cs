namespace PetitionPlatform.Messaging;

/// <summary>
/// How a consumer's failures are retried, bound from the <c>Messaging:Redelivery</c> configuration section: a few quick
/// retries in the process (a lock conflict, a brief database hiccup), then the message is held and sent back after each
/// of <see cref="Delays"/> in turn (a service or database that is away for a while, or an event that arrived before the
/// one it depends on), and after the last it is set aside for an operator.
/// </summary>
public sealed class ConsumerRetryOptions
{
    /// <summary>Quick retries in the process (MassTransit's retry filter), with back-off from 0.2 s to 10 s.</summary>
    public int ImmediateRetries { get; set; } = 5;

    private static readonly TimeSpan[] s_defaultDelays =
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)];

    /// <summary>
    /// The waits before each redelivery, when configured (<c>Messaging:Redelivery:Delays:0</c>, …). A list rather than
    /// an array with defaults, because the configuration binder would add configured items to the default ones.
    /// </summary>
    public List<TimeSpan>? Delays { get; set; }

    /// <summary>
    /// The waits in force: the configured ones, or about an hour in all before a person is needed. The first is short:
    /// an event that overtook the one it depends on usually needs seconds, a database or service that is away minutes.
    /// </summary>
    public IReadOnlyList<TimeSpan> Schedule => Delays is { Count: > 0 } ? Delays : s_defaultDelays;

    private static readonly TimeSpan[] s_defaultHoldRetries =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)];

    /// <summary>
    /// The waits between attempts to hold a failed message when the database itself does not answer
    /// (<c>Messaging:Redelivery:HoldRetries:0</c>, …). A message whose quick retries ran out because the database was
    /// restarting would otherwise go straight to the <c>_error</c> queue, where only a person brings it back.
    /// </summary>
    public List<TimeSpan>? HoldRetries { get; set; }

    /// <summary>The hold's waits in force: the configured ones, or about a minute in all, longer than a database restart takes.</summary>
    public IReadOnlyList<TimeSpan> HoldSchedule => HoldRetries is { Count: > 0 } ? HoldRetries : s_defaultHoldRetries;

    /// <summary>How often held messages are looked at for release.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
