using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Delivery;

public static class DeliveryRegistration
{
    /// <summary>
    /// The background sender and one channel per channel name. Every channel is the development sink until real
    /// gateways exist; replacing one is a keyed registration under its name, made after this call.
    /// </summary>
    public static IHostApplicationBuilder AddNotificationDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>()
            .Bind(builder.Configuration.GetSection(DeliveryOptions.Section))
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1 && o.PollInterval > TimeSpan.Zero && o.FirstRetryDelay >= TimeSpan.Zero,
                "Delivery: MaxAttempts and BatchSize must be at least 1, PollInterval positive, FirstRetryDelay not negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DevelopmentSinkChannel>();
        foreach (var channel in DeliveryChannels.All)
        {
            builder.Services.AddKeyedSingleton<INotificationChannel>(channel, (services, _) => services.GetRequiredService<DevelopmentSinkChannel>());
        }

        builder.Services.AddHostedService<NotificationSender>();
        return builder;
    }
}
