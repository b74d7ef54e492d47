using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Messaging;
using PetitionPlatform.ServiceDefaults.Data;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Supervision;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SupervisionDbContext>("supervisiondb");
        builder.AddMessaging("supervision", bus =>
        {
            bus.AddConsumer<PetitionRegisteredConsumer>();
            bus.AddConsumer<LifecycleEventsConsumer>();
        });
        builder.AddApiDocumentation();
        builder.Services.AddScoped<LedgerStore>();
        return builder;
    }
}
