using PetitionPlatform.Audit.Data;
using PetitionPlatform.Audit.Messaging;
using PetitionPlatform.Data;
using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Audit;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AuditDbContext>("auditdb");
        builder.AddMessaging("audit", bus => bus.AddConsumer<AuditRecordedConsumer>());
        builder.AddApiDocumentation();
        builder.AddPlatformAccess();
        return builder;
    }
}
