namespace PetitionPlatform.EndToEndTests;

/// <summary>Events cross services asynchronously: poll a probe until its value satisfies the condition.</summary>
internal static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string because, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {seconds} s: {because}. Last value: {value}");
            }

            await Task.Delay(250);
        }
    }
}
