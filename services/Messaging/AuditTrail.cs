using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Messaging;

/// <summary>
/// Writes entries for the audit trail (ACCESS.md rule 5) into the service's outbox. Call it beside the change it
/// records, before the <c>SaveChanges</c> that commits the change: both commit together or neither does, so there is no
/// change without its entry. Who acted comes from the validated token of the request; outside a request the platform acted.
/// </summary>
public sealed class AuditTrail(DbContext db, TimeProvider time, IHttpContextAccessor http, AuditSource source)
{
    public void Record(string action, Guid? petitionId = null, Guid? caseId = null, string? subject = null)
    {
        var request = http.HttpContext;
        var caller = request is null ? null : Caller.From(request.User);
        // A request without a client is a petitioner's (only their endpoints are open); their address is not kept.
        var actor = caller is not null ? null : request is null ? AuditActors.Platform : AuditActors.Petitioner;
        db.AddToOutbox(new AuditRecorded(
            Guid.CreateVersion7(),
            source.Service,
            action,
            caller?.ClientId,
            caller?.Org.ToString(),
            actor,
            petitionId,
            caseId,
            subject,
            caller is null ? null : SourceAddress(request!),
            Activity.Current?.TraceId.ToHexString(),
            time.GetUtcNow()), time);
    }

    /// <summary>
    /// The caller's address: the first hop the gateway forwarded (X-Forwarded-For, which YARP sets), else the peer.
    /// Services are reachable only inside the platform's network, so the header comes from the gateway.
    /// </summary>
    private static string? SourceAddress(HttpContext request) =>
        request.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault() ?? request.Connection.RemoteIpAddress?.ToString();
}

/// <summary>The service whose entries an <see cref="AuditTrail"/> writes.</summary>
public sealed record AuditSource(string Service);
