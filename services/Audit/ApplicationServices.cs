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
        // One entry at a time per instance: the chain's lock makes appends take their turn anyway, and every delivery
        // waiting for it held a database connection, which under load took the server's last ones (docs/performance.md).
        builder.AddMessaging("audit", bus => bus.AddConsumer<AuditRecordedConsumer>().Endpoint(endpoint => endpoint.ConcurrentMessageLimit = 1));
        builder.AddApiDocumentation();
        builder.AddPlatformAccess();
        return builder;
    }
}
