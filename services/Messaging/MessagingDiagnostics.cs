using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace PetitionPlatform.Messaging;

/// <summary>
/// Development-only view of a service's outbox and inbox under <c>{apiPrefix}/dev/messaging</c>: how many events
/// wait to be published (and why the oldest failed), and which messages this service processed for a petition.
/// It answers "did the event leave, and did it arrive?" without a database client. Absent outside Development.
/// </summary>
public static class MessagingDiagnostics
{
    public static WebApplication MapMessagingDiagnostics(this WebApplication app, string apiPrefix)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapGet($"{apiPrefix}/dev/messaging", async (Guid? petitionId, DbContext db, CancellationToken ct) =>
        {
            var pending = db.Set<OutboxMessage>().Where(m => m.SentAt == null && m.SetAsideAt == null);
            var oldest = await pending.OrderBy(m => m.Sequence)
                .Select(m => new { m.Id, m.MessageType, m.CreatedAt, m.Attempts, m.LastError })
                .FirstOrDefaultAsync(ct);
            var processed = await db.Set<InboxMessage>()
                .Where(m => petitionId == null || m.PetitionId == petitionId)
                .OrderByDescending(m => m.ProcessedAt)
                .Take(50)
                .Select(m => new { m.MessageId, m.MessageType, m.Consumer, m.PetitionId, m.ProcessedAt })
                .ToListAsync(ct);
            return TypedResults.Ok(new
            {
                outbox = new { pending = await pending.CountAsync(ct), oldestPending = oldest },
                inbox = processed,
            });
        }).ExcludeFromDescription();
        return app;
    }
}
