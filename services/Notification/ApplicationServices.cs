using PetitionPlatform.Data;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.Messaging;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Delivery;
using PetitionPlatform.Notification.Messaging;
using PetitionPlatform.Notification.Templates;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Notification;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>("notificationdb");
        builder.AddMessaging("notification", bus =>
        {
            bus.AddConsumer<PetitionRegisteredConsumer>();
            bus.AddConsumer<PetitionerReceiptRequestedConsumer>();
            bus.AddConsumer<PetitionRoutedConsumer>();
            bus.AddConsumer<CaseOpenedConsumer>();
            bus.AddConsumer<CaseAcceptedConsumer>();
            bus.AddConsumer<CaseDeclinedConsumer>();
            bus.AddConsumer<CaseExtendedConsumer>();
            bus.AddConsumer<CaseHearingRecordedConsumer>();
            bus.AddConsumer<CaseAnsweredConsumer>();
            bus.AddConsumer<RoutingDecisionRequiredConsumer>();
            bus.AddConsumer<SupervisionNoticeIssuedConsumer>();
            bus.AddConsumer<TerminatedMatterResubmittedConsumer>();
            bus.AddConsumer<DuplicateSubmissionLinkedConsumer>();
            bus.AddConsumer<CaseFindingsAddedConsumer>();
            bus.AddConsumer<ReviewRequestedConsumer>();
            bus.AddConsumer<PetitionTerminatedConsumer>();
            bus.AddConsumer<DueDateChangedConsumer>();
        });
        builder.AddApiDocumentation();
        builder.AddPlatformAccess();

        // Loaded at start: a template missing from the build stops the service now, not at the first event.
        builder.Services.AddSingleton(TemplateLibrary.FromAssembly());
        builder.Services.AddScoped<NotificationWriter>();
        // Stops the service at start with one sentence when the keys are missing, not at the first receipt.
        builder.Services.AddSingleton(ReceiptSealing.FromConfiguration(builder.Configuration));
        builder.AddNotificationDelivery();
        return builder;
    }
}
