using PetitionPlatform.TestSupport;

namespace PetitionPlatform.EndToEndTests;

/// <summary>Events cross services asynchronously: poll a probe until its value satisfies the condition.</summary>
internal static class Eventually
{
    public static Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string because, int seconds = 30) =>
        Poll.UntilAsync(probe, condition, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(250), because);
}
