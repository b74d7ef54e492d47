using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.Routing.Data;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>
/// Intake, handling and supervision ask routing's directory over HTTP. In tests they run in-process beside the real
/// routing service, so their directory client is handed routing's in-memory server instead of a network address.
/// </summary>
public static class DirectoryWiring
{
    public static Action<IServiceCollection> Through(ServiceFactory<RoutingDbContext> routing) => services =>
        services.AddHttpClient<RoutingDirectory>().ConfigurePrimaryHttpMessageHandler(() => routing.Server.CreateHandler());

    /// <summary>Routing is down: every directory call is refused as a closed port refuses it.</summary>
    public static void Unreachable(IServiceCollection services) =>
        services.AddHttpClient<RoutingDirectory>().ConfigurePrimaryHttpMessageHandler(() => new RefusingHandler());

    /// <summary>
    /// A routing service used only as the directory: on a virtual host of its own, so the events it would publish
    /// about test petitions never reach the service under test.
    /// </summary>
    public static async Task<ServiceFactory<RoutingDbContext>> StartDirectoryAsync(TestSupport.SharedInfrastructure infrastructure)
    {
        var routing = new ServiceFactory<RoutingDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:routingdb"] = await infrastructure.CreateDatabaseAsync("directory"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("directory"),
        });
        await ServiceSet.Ready(routing.CreateClient());
        return routing;
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused (test)");
    }
}
