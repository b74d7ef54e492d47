using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PetitionPlatform.Messaging.Calendar;

public static class HolidayNoticeRegistration
{
    /// <summary>
    /// A service that counts statutory periods keeps the holiday notices operators load and counts on them. Call after
    /// <c>AddMessaging</c>: the notices are read once the migrations ran.
    /// </summary>
    public static IHostApplicationBuilder AddHolidayNotices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HolidayNoticeOptions>().BindConfiguration(HolidayNoticeOptions.Section)
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Calendar:RefreshInterval must be positive.").ValidateOnStart();
        builder.Services.AddScoped<HolidayNoticeBook>();
        builder.Services.AddHostedService<HolidayNoticeRefresh>();
        return builder;
    }

    /// <summary>The consumer of the notices routing announces, for a service that is not routing itself.</summary>
    public static void AddHolidayNoticeConsumer(this IBusRegistrationConfigurator bus) => bus.AddConsumer<HolidayNoticeLoadedConsumer>();

    /// <summary>Maps the <c>holiday_notices</c> table (created by the platform migration) into a service's context.</summary>
    public static ModelBuilder AddHolidayNotices(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HolidayNoticeRow>(notice =>
        {
            notice.ToTable("holiday_notices");
            notice.HasKey(n => n.Year);
            notice.Property(n => n.Year).ValueGeneratedNever();
            notice.Property(n => n.Notice).HasColumnType("jsonb");
        });
        return modelBuilder;
    }
}
