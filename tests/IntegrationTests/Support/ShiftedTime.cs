namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>The real clock moved by a chosen amount: a 30-day window or a key valid in 10 minutes is tested without waiting.</summary>
public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
