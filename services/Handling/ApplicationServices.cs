using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Messaging;
using PetitionPlatform.ServiceDefaults.Data;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Handling;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<HandlingDbContext>("handlingdb");
        builder.AddMessaging("handling", bus => bus.AddConsumer<PetitionRegisteredConsumer>());
        builder.AddApiDocumentation();
        return builder;
    }
}
