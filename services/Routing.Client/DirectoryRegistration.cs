using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Routing.Client;

public static class DirectoryRegistration
{
    public const string BaseAddressKey = "Directory:BaseAddress";

    /// <summary>
    /// Registers <see cref="RoutingDirectory"/> at <c>http://routing</c>, resolved by service discovery
    /// (<c>services__routing__http__0</c>), or at <c>Directory:BaseAddress</c> where configured. Callers are a person
    /// waiting on a request or a consumer that retries on its own, so each call gets a short budget (two quick retries
    /// within six seconds) instead of the defaults' thirty seconds.
    /// </summary>
    public static IHttpClientBuilder AddRoutingDirectory(this IHostApplicationBuilder builder)
    {
        var baseAddress = new Uri(builder.Configuration[BaseAddressKey] ?? "http://routing");
        builder.Services.AddMemoryCache();
        var client = builder.Services.AddHttpClient<RoutingDirectory>(http => http.BaseAddress = baseAddress);
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental, but it is how one client replaces the defaults.
        client.RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(6);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            });
#pragma warning restore EXTEXP0001
        // Who covers which region (ACCESS.md) is decided with the same directory.
        builder.Services.AddTransient<IRegionParents, DirectoryRegionParents>();
        builder.Services.AddTransient<Jurisdiction>();
        builder.Services.AddExceptionHandler<DirectoryUnavailableHandler>();
        return client;
    }
}
