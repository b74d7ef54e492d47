using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Messaging;
using PetitionPlatform.ServiceDefaults.Data;
using PetitionPlatform.ServiceDefaults.Messaging;

namespace PetitionPlatform.Notification;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>("notificationdb");
        builder.AddMessaging("notification", bus => bus.AddConsumer<PetitionRegisteredConsumer>());
        builder.AddApiDocumentation();
        return builder;
    }
}
