using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Intake.Directory;
using PetitionPlatform.Routing.Data;

namespace PetitionPlatform.IntegrationTests.Support;

/// <summary>
/// Intake asks routing's directory over HTTP. In tests both run in-process, so intake's directory client is handed
/// the real routing service's in-memory server instead of a network address.
/// </summary>
public static class DirectoryWiring
{
    public static Action<IServiceCollection> Through(ServiceFactory<RoutingDbContext> routing) => services =>
        services.AddHttpClient<DirectoryClient>().ConfigurePrimaryHttpMessageHandler(() => routing.Server.CreateHandler());
}
