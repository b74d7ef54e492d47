using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Messaging;
using PetitionPlatform.ServiceDefaults.Data;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Routing;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RoutingDbContext>("routingdb");
        builder.AddMessaging("routing", bus => bus.AddConsumer<PetitionRegisteredConsumer>());
        builder.AddApiDocumentation();
        return builder;
    }
}
