namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>
/// The clock of a service under test: it starts at a chosen instant and runs on from there with the machine's monotonic
/// timer, and a test moves it to an instant or by a span. A test that needs fixed days starts it at a fixed instant, so
/// the outcome never follows the date the tests run on; the services' timers and back-offs still elapse, which a frozen
/// fake would stop.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _moving = new();
    private DateTimeOffset _origin;
    private long _originTimestamp;

    /// <summary>Starts at <paramref name="start"/>.</summary>
    public TestClock(DateTimeOffset start) => MoveTo(start);

    /// <summary>Starts at the real instant, for a test whose days may be any: it only moves the clock on from there.</summary>
    public TestClock()
        : this(System.GetUtcNow())
    {
    }

    /// <summary>From now on the clock reads <paramref name="instant"/>, and runs on from it.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        lock (_moving)
        {
            (_origin, _originTimestamp) = (instant.ToUniversalTime(), System.GetTimestamp());
        }
    }

    /// <summary>Moves the clock on by <paramref name="span"/>: a 30-day window or a key valid in 10 minutes, without waiting.</summary>
    public void Advance(TimeSpan span) => MoveTo(GetUtcNow() + span);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_moving)
        {
            return _origin + System.GetElapsedTime(_originTimestamp);
        }
    }
}
