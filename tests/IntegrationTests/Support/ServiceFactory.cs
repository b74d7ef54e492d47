using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>
/// One service, hosted in the test process, wired to its own fresh database and a virtual host of the shared
/// broker through the same configuration keys the AppHost sets. <typeparamref name="TContext"/> is the
/// service's DbContext: it names the service's assembly and is how a test looks into its database.
/// <paramref name="services"/> may add to the service's registrations, e.g. to reach another in-process service.
/// </summary>
public sealed class ServiceFactory<TContext>(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<TContext>
    where TContext : DbContext
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    public async Task<T> InDatabaseAsync<T>(Func<TContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }
}
