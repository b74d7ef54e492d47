using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.Notification.Messaging;

/// <summary>
/// What every consumer does: load the petition's file, render the planned messages and add them as pending rows to
/// the consumer's DbContext. The inbox filter saves them in the same transaction as the inbox record, so an event is
/// turned into messages exactly once; the background sender delivers them.
/// </summary>
public sealed class NotificationWriter(NotificationDbContext db, TemplateLibrary templates, ReceiptSealing sealing, TimeProvider time)
{
    /// <summary>
    /// The petition and its routing decisions, read in one statement. Events reach notification's queues
    /// independently, so a lifecycle event can overtake <c>PetitionRegistered</c>; throwing lets the consumer's retries
    /// wait for it.
    /// </summary>
    public async Task<PetitionFile> LoadFileAsync(Guid petitionId, CancellationToken ct)
    {
        var found = await db.KnownPetitions.AsNoTracking()
            .Where(p => p.PetitionId == petitionId)
            .Select(p => new
            {
                Petition = p,
                Decisions = db.RoutingDecisions.Where(d => d.PetitionId == p.PetitionId).ToList(),
            })
            .SingleOrDefaultAsync(ct)
            ?? throw new PetitionNotYetKnownException($"Petition {petitionId} has not been registered with notification yet.");
        return new PetitionFile(found.Petition, found.Decisions);
    }

    public async Task AddAsync(Guid sourceMessageId, Guid petitionId, string? petitionChannel, IEnumerable<PlannedMessage> planned, CancellationToken ct)
    {
        var messages = planned.ToList();
        if (messages.Count == 0)
        {
            return;
        }

        // The inbox already stops redelivery of one message id; this also covers a replay of the same event under the
        // same id after the inbox was pruned, at the cost of one indexed read for all of the event's messages.
        var written = (await db.Notifications.AsNoTracking()
                .Where(n => n.SourceMessageId == sourceMessageId)
                .Select(n => new { n.Template, n.RecipientKind, n.RecipientKey })
                .ToListAsync(ct))
            .Select(n => (n.Template, n.RecipientKind, n.RecipientKey))
            .ToHashSet();
        var now = time.GetUtcNow();
        foreach (var message in messages)
        {
            if (written.Contains((message.Template, message.Recipient.Kind, message.Recipient.Key)))
            {
                continue;
            }

            var kept = templates.Render(message.Template, message.Values);
            var delivered = message.DeliveryOnly is { Count: > 0 } only
                ? templates.Render(message.Template, Merge(message.Values, only))
                : kept;
            db.Notifications.Add(NotificationMessage.Create(
                petitionId, sourceMessageId, message.Template, message.Recipient,
                DeliveryChannels.For(message.Recipient, petitionChannel), kept, delivered == kept ? null : sealing.Seal(delivered), now));
        }
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> overrides)
    {
        var merged = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            merged[name] = value;
        }

        return merged;
    }
}

/// <summary>A lifecycle event arrived before the facts it builds on; retried with back-off, then parked in the error queue.</summary>
public sealed class PetitionNotYetKnownException(string message) : Exception(message);
