using System.Diagnostics;

namespace PetitionPlatform.TestSupport;

/// <summary>
/// The one polling loop of both suites' <c>Eventually</c>: asks the probe until its value satisfies the condition or the
/// patience runs out. Measured on the monotonic clock: the machine's wall clock may be stepped (time sync) while a test
/// waits, and a full run once saw a 20 s wait give up after 2.
/// </summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan patience, TimeSpan interval, string? because)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) > patience)
            {
                throw new TimeoutException($"Not within {patience.TotalSeconds:F0} s{(because is null ? "" : $": {because}")}. Last value: {value}");
            }

            await Task.Delay(interval);
        }
    }
}
