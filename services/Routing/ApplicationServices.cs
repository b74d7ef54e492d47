using PetitionPlatform.Data;
using PetitionPlatform.Messaging;
using PetitionPlatform.Messaging.Calendar;
using PetitionPlatform.Routing.Api;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Domain;
using PetitionPlatform.Routing.Messaging;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Routing;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RoutingDbContext>("routingdb");
        // A wrong period should stop the service at start, not surface at the first dispute.
        builder.Services.AddOptions<DisputeOptions>().BindConfiguration(DisputeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // After the migrations (registered above) and before the bus: consumers never see an empty directory.
        builder.Services.AddHostedService<DirectorySeeder>();
        builder.Services.AddSingleton<DirectoryCache>();
        builder.AddMessaging("routing", bus =>
        {
            bus.AddConsumer<PetitionRegisteredConsumer>();
            bus.AddConsumer<CaseDeclinedConsumer>();
            bus.AddConsumer<PetitionTerminatedConsumer>();
        });
        // Routing keeps the holiday notices operators load (CalendarApi) and counts its own periods on them.
        builder.AddHolidayNotices();
        builder.Services.AddScoped<DisputeDateRecount>();
        builder.AddApiDocumentation();
        builder.AddPlatformAccess();
        // Routing owns the directory: who covers which region is read in its own tables.
        builder.Services.AddScoped<IRegionParents, RoutingRegionParents>();
        builder.Services.AddScoped<Jurisdiction>();
        builder.Services.AddScoped<RoutingAccess>();
        return builder;
    }
}
