using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.Audit.Domain;
using PetitionPlatform.Contracts;

namespace PetitionPlatform.Audit.Messaging;

/// <summary>
/// Appends each entry the services send to the end of the chain. Runs behind the inbox, inside its transaction; the
/// advisory lock makes concurrent deliveries take their turn, so each entry names the one truly before it.
/// </summary>
public sealed partial class AuditRecordedConsumer(AuditDbContext db, TimeProvider time, ILogger<AuditRecordedConsumer> logger)
    : IConsumer<AuditRecorded>
{
    // Any fixed number: the one lock every appender of this database takes.
    private const long AppendLock = 0x41554449545F5452;

    public async Task Consume(ConsumeContext<AuditRecorded> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLock})", ct);

        // The inbox drops a redelivered message; this drops the same entry sent again under another message id.
        if (await db.Entries.AnyAsync(e => e.EntryId == message.EntryId, ct))
        {
            return;
        }

        var last = await db.Entries.OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        var entry = new AuditEntry
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            EntryId = message.EntryId,
            Service = message.Service,
            Action = message.Action,
            ClientId = message.ClientId,
            OrgId = message.OrgId,
            Actor = message.Actor,
            PetitionId = message.PetitionId,
            CaseId = message.CaseId,
            Subject = message.Subject,
            SourceAddress = message.SourceAddress,
            TraceId = message.TraceId,
            OccurredAt = AuditChain.Stored(message.OccurredAt),
            RecordedAt = AuditChain.Stored(time.GetUtcNow()),
            PreviousHash = last?.Hash ?? AuditChain.Genesis,
        };
        db.Entries.Add(AuditChain.Seal(entry));
        LogAppended(logger, entry.Sequence, entry.Action, entry.Service);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit entry {Sequence} appended: {Action} from {Service}")]
    private static partial void LogAppended(ILogger logger, long sequence, string action, string service);
}
