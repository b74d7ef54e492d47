using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Identity;

/// <summary>
/// One real token service for the whole run, started when a test first needs a token, on the shared PostgreSQL. Every
/// service host of the tests reads its signing keys (Support/ServiceFactory.cs), and a test signs in as any
/// organisation of the demo directory with <see cref="TokenService.TokenForAsync"/>, as an agency's system would.
/// </summary>
internal static class SharedTokens
{
    private static readonly SemaphoreSlim s_start = new(1, 1);
    private static TokenService? s_service;

    /// <summary>The running token service, or null before any test asked for one.</summary>
    public static TokenService? Current => s_service;

    public static async Task<TokenService> StartAsync(SharedInfrastructure infrastructure)
    {
        if (s_service is { } running)
        {
            return running;
        }

        await s_start.WaitAsync();
        try
        {
            if (s_service is null)
            {
                // Tokens that outlive any run: each client's is fetched once and never renewed by the clock.
                var service = await TokenService.StartAsync(infrastructure, new Dictionary<string, string?> { ["Identity:AccessTokenLifetime"] = "1.00:00:00" });
                infrastructure.StopBeforeServers(service);
                s_service = service;
            }

            return s_service;
        }
        finally
        {
            s_start.Release();
        }
    }
}
