using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.ServiceDefaults.Access;

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

        // The service validates tokens of the run's real token service, reading its keys in this process.
        builder.ConfigureServices(services => services.AddHttpClient(PlatformAuthentication.MetadataClient)
            .ConfigurePrimaryHttpMessageHandler(() => new TokenServiceKeys()));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>
    /// The service as the client <paramref name="clientId"/> calls it (an organisation id of the demo directory, or
    /// <c>portal</c>, <c>auditor</c>, <c>operator</c>), with a token of the real token service.
    /// </summary>
    public HttpClient As(string clientId) => CreateDefaultClient(new BearerToken(clientId));

    private static TokenService Tokens => SharedTokens.Current
        ?? throw new InvalidOperationException("Start the token service first: await SharedTokens.StartAsync(infrastructure).");

    /// <summary>
    /// Reaches the run's token service in this process when a key is first asked for: hosts are built before the token
    /// service starts (the token service's own directory among them), and most never see a token.
    /// </summary>
    private sealed class TokenServiceKeys : HttpMessageHandler
    {
        private HttpMessageInvoker? _server;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _server ??= new HttpMessageInvoker(Tokens.Identity.Server.CreateHandler());
            return _server.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Signs every request in as <paramref name="clientId"/> with a token of the run's token service.</summary>
    public sealed class BearerToken(string clientId) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new("Bearer", await Tokens.TokenForAsync(clientId));
            return await base.SendAsync(request, cancellationToken);
        }
    }

    public async Task<T> InDatabaseAsync<T>(Func<TContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }
}
