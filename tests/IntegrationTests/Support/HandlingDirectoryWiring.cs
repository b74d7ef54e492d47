using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Handling.Directory;
using PetitionPlatform.Routing.Data;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>
/// Handling asks routing's directory for the unit one level above (reviews). In tests both run in-process, so handling's
/// directory client is handed the real routing service's in-memory server instead of a network address.
/// </summary>
public static class HandlingDirectoryWiring
{
    public static Action<IServiceCollection> Through(ServiceFactory<RoutingDbContext> routing) => services =>
        services.AddHttpClient<DirectoryClient>().ConfigurePrimaryHttpMessageHandler(() => routing.Server.CreateHandler());
}
