using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data;
using PetitionPlatform.Messaging;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Data;

/// <summary>
/// Issues a notice: the row and its <see cref="SupervisionNoticeIssued"/> (through the outbox) commit together, and
/// the row is inserted only if its <see cref="SupervisionNotice.DedupKey"/> is new, so a repeated or concurrent run
/// issues nothing twice and publishes nothing twice.
/// </summary>
public sealed class NoticeIssuer(SupervisionDbContext db, TimeProvider time)
{
    /// <summary>
    /// Returns the notice, or null when it had been issued already. Inside a consumer the inbox's transaction is used
    /// and the inbox's SaveChanges commits the outgoing event; otherwise each notice gets its own transaction.
    /// </summary>
    public async Task<SupervisionNotice?> IssueAsync(SupervisionNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginWholeTransactionAsync(ct)
            : null;
        await using (ownTransaction)
        {
            // Raw SQL (for ON CONFLICT) bypasses the model's conversion of instants to UTC, so they are converted here.
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO supervision_notices
                    (id, kind, petition_id, org_id, copied_to_org_ids, reason, issued_at, stage, case_id, due_by, level, leader, dedup_key)
                VALUES ({notice.Id}, {notice.Kind}, {notice.PetitionId}, {notice.OrgId}, {notice.CopiedToOrgIds.ToArray()},
                        {notice.Reason}, {notice.IssuedAt.ToUniversalTime()}, {notice.Stage}, {notice.CaseId},
                        {notice.DueBy?.ToUniversalTime()}, {notice.Level}, {notice.Leader}, {notice.DedupKey})
                ON CONFLICT (dedup_key) DO NOTHING
                """, ct);
            if (inserted == 0)
            {
                return null;
            }

            db.AddToOutbox(new SupervisionNoticeIssued(
                notice.PetitionId, notice.Id, notice.Kind, notice.OrgId, notice.CopiedToOrgIds, notice.Stage, notice.CaseId,
                notice.DueBy, notice.Level, notice.Reason, notice.Leader, notice.IssuedAt), time);
            if (ownTransaction is not null)
            {
                await db.SaveChangesAsync(ct);
                await ownTransaction.CommitAsync(ct);
            }

            return notice;
        }
    }
}
