using System.Globalization;

namespace PetitionPlatform.IntegrationTests.Fuzz;

/// <summary>
/// The seed and the number of requests of a fuzz run: fixed in the suite, so every run sends the same requests; another
/// seed from the environment (<c>eng/fuzz.sh --seed N --requests M</c> sets both), so new inputs can be tried and a
/// failure found with them reproduced.
/// </summary>
public static class FuzzSettings
{
    public const string SeedVariable = "PETITION_FUZZ_SEED";
    public const string RequestsVariable = "PETITION_FUZZ_REQUESTS";

    /// <summary>Issue 13, item 1.</summary>
    public const int DefaultSeed = 13_001;

    public const int DefaultRequests = 10_000;

    public static int Seed => Read(SeedVariable, DefaultSeed, int.MinValue);

    public static int Requests => Read(RequestsVariable, DefaultRequests, 1);

    private static int Read(string variable, int fallback, int least) => Environment.GetEnvironmentVariable(variable) switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= least => value,
        var text => throw new InvalidOperationException($"{variable} must be a whole number of at least {least}, not '{text}'."),
    };
}
