using System.Diagnostics;

namespace PetitionPlatform.EndToEndTests;

/// <summary>Events cross services asynchronously: poll a probe until its value satisfies the condition.</summary>
internal static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string because, int seconds = 30)
    {
        // Measured on the monotonic clock: the machine's wall clock may be stepped (time sync) while a test waits.
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"Not within {seconds} s: {because}. Last value: {value}");
            }

            await Task.Delay(250);
        }
    }
}
