using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.Audit.Domain;
using PetitionPlatform.Contracts;

namespace PetitionPlatform.Audit.Messaging;

/// <summary>
/// Appends each entry the services send to the end of the chain. Runs behind the inbox, inside its transaction. The
/// head row's lock makes concurrent deliveries take their turn, so each entry names the one truly before it; the
/// insert moves the head on (a trigger, docs/audit.md), so an append is the inbox claim, one read and one insert.
/// </summary>
public sealed partial class AuditRecordedConsumer(AuditDbContext db, TimeProvider time, ILogger<AuditRecordedConsumer> logger)
    : IConsumer<AuditRecorded>
{
    public async Task Consume(ConsumeContext<AuditRecorded> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        // A FOR UPDATE that waited for the appender before returns the head as that appender left it. The entry check
        // rides along: it drops the same entry sent again under another message id (the inbox drops a redelivered
        // message). It reads as of the statement's start, so a copy appended by the appender just waited for is not
        // seen here; its insert then fails on the entry's unique id and the retry finds it.
        var last = (await db.Database.SqlQuery<ChainHead>($"""
            SELECT sequence AS "Sequence", hash AS "Hash",
                   EXISTS (SELECT 1 FROM audit_entries WHERE entry_id = {message.EntryId}) AS "Recorded"
            FROM audit_chain_head FOR UPDATE
            """).ToListAsync(ct)).Single();
        if (last.Recorded)
        {
            return;
        }

        var entry = new AuditEntry
        {
            Sequence = last.Sequence + 1,
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
            PreviousHash = last.Hash ?? AuditChain.Genesis,
        };
        db.Entries.Add(AuditChain.Seal(entry));
        LogAppended(logger, entry.Sequence, entry.Action, entry.Service);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit entry {Sequence} appended: {Action} from {Service}")]
    private static partial void LogAppended(ILogger logger, long sequence, string action, string service);
}

/// <summary>
/// The head of the chain as its locking read returns it, and whether the entry being appended is already in it. A raw
/// query's columns are matched to these names as written (the snake-case convention covers mapped tables only).
/// </summary>
internal sealed class ChainHead
{
    public long Sequence { get; init; }

    /// <summary>Null before the first entry.</summary>
    public byte[]? Hash { get; init; }

    public bool Recorded { get; init; }
}
