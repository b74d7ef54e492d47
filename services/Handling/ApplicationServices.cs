using System.Text.Json.Serialization;
using PetitionPlatform.Data;
using PetitionPlatform.Handling.Api;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Handling.Messaging;
using PetitionPlatform.Handling.Workflow;
using PetitionPlatform.Messaging;
using PetitionPlatform.Messaging.Calendar;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Handling;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<HandlingDbContext>("handlingdb");
        builder.AddMessaging("handling", bus =>
        {
            bus.AddConsumer<PetitionRegisteredConsumer>();
            bus.AddConsumer<PetitionRoutedConsumer>();
            bus.AddConsumer<PetitionTerminatedConsumer>();
            bus.AddHolidayNoticeConsumer();
        });
        // The cases' clocks count on the holiday notices operators load, and move when one is loaded.
        builder.AddHolidayNotices();
        builder.Services.AddScoped<IDueDateRecount, CaseClockRecount>();
        builder.AddApiDocumentation();
        // Optional parts of a case (acceptedAt, extendedBy, answer, …) are left out until they exist, as API.md marks them.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        builder.Services.AddScoped<CaseWorkflow>();
        builder.Services.AddScoped<ReviewWorkflow>();
        builder.AddPlatformAccess();
        builder.Services.AddScoped<CaseAccess>();
        // Routing owns the directory: the unit one level above reviews an answer.
        builder.AddRoutingDirectory();
        return builder;
    }
}
