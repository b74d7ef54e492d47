namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>
/// A clock that reads <paramref name="start"/> when made and runs on from there with the machine's monotonic timer,
/// never its date: a service on it sees the same days whenever the tests run, while its timers and back-offs (real
/// waits) still elapse. A frozen fake would stop those.
/// </summary>
public sealed class FixedStartTime(DateTimeOffset start) : TimeProvider
{
    private readonly long _made = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_made);
}
