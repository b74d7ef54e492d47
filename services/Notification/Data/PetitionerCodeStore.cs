using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Data;

public static class PetitionerCodeStore
{
    /// <summary>
    /// Keeps the query-code hash of a linked submission, once. Added to the consumer's unit of work, so it commits with
    /// the inbox entry and the messages written for the same event.
    /// </summary>
    public static async Task RememberPetitionerCodeAsync(
        this NotificationDbContext db, Guid petitionId, string? trackingCodeHash, DateTimeOffset at, CancellationToken ct)
    {
        // Events published before DuplicateSubmissionLinked carried the hash have none to keep.
        if (string.IsNullOrEmpty(trackingCodeHash) || await db.PetitionerCodes.AnyAsync(c => c.PetitionId == petitionId, ct))
        {
            return;
        }

        db.PetitionerCodes.Add(new PetitionerCode
        {
            PetitionId = petitionId,
            TrackingCodeHash = trackingCodeHash,
            RecordedAt = at,
        });
    }
}
