using System.Diagnostics;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>Waits for an asynchronous effect (a consumed message, a published outbox row) with a bounded deadline.</summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? within = null, string? because = null)
    {
        // Measured on the monotonic clock: the machine's wall clock may be stepped (time sync) while a test waits.
        var started = Stopwatch.GetTimestamp();
        var patience = within ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) > patience)
            {
                throw new TimeoutException($"Condition not met in time{(because is null ? "" : $": {because}")}. Last value: {value}");
            }

            await Task.Delay(200);
        }
    }
}
