using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>Waits for an asynchronous effect (a consumed message, a published outbox row) with a bounded deadline.</summary>
public static class Eventually
{
    public static Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? within = null, string? because = null) =>
        Poll.UntilAsync(probe, condition, within ?? TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200), because);
}
