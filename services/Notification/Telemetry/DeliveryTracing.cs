using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using PetitionPlatform.Messaging;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.ServiceDefaults.Telemetry;

namespace PetitionPlatform.Notification.Telemetry;

/// <summary>
/// Deliveries happen in the background sender, long after the consumer wrote the message. Each delivery is traced as a
/// child of that consumption (its context is in the inbox row of the causing event), so a petition's trace ends with
/// the messages it caused, and the <c>NotificationSent</c> event continues the same trace.
/// </summary>
public static class DeliveryTracing
{
    public const string SourceName = "PetitionPlatform.Notification";

    private static readonly ActivitySource s_source = new(SourceName);

    /// <summary>The sender's polling is not work anyone follows; only deliveries (below) are traced.</summary>
    public static IDisposable QuietPolling() => SuppressInstrumentationScope.Begin();

    /// <summary>
    /// The trace context of the consumption that wrote each message (kept in the inbox row of its causing event), by
    /// the causing event's message id: one read for a round's messages. A cause no longer in the inbox is missing, and
    /// its deliveries start traces of their own.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, ActivityContext>> FindCausesAsync(
        NotificationDbContext db, IEnumerable<NotificationMessage> messages, CancellationToken ct)
    {
        var sources = messages.Select(m => m.SourceMessageId).Distinct().ToList();
        if (sources.Count == 0)
        {
            return new Dictionary<Guid, ActivityContext>();
        }

        var rows = await db.Set<InboxMessage>().AsNoTracking()
            .Where(m => sources.Contains(m.MessageId) && m.TraceParent != null)
            .Select(m => new { m.MessageId, m.TraceParent, m.TraceState })
            .ToListAsync(ct);
        var causes = new Dictionary<Guid, ActivityContext>();
        foreach (var row in rows)
        {
            if (ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent))
            {
                causes.TryAdd(row.MessageId, parent);
            }
        }

        return causes;
    }

    /// <summary>
    /// Starts the span of one delivery as a child of <paramref name="cause"/>; dispose it when the delivery's outcome is
    /// known. Deliberately not async: the current activity and the lifted suppression are async-local, and an async
    /// method's changes to them would be undone on its return, leaving the delivery and its NotificationSent untraced.
    /// </summary>
    public static IDisposable StartDelivery(ActivityContext cause, NotificationMessage message)
    {
        var traced = SuppressInstrumentationScope.Begin(false);
        var activity = s_source.StartActivity($"notification deliver {message.Template}", ActivityKind.Client, cause);
        activity?.SetTag("notification.id", message.Id.ToString());
        activity?.SetTag("notification.template", message.Template);
        activity?.SetTag("notification.channel", message.Channel);
        activity?.SetTag("notification.attempt", message.Attempts + 1);
        // A petitioner recipient's key is a phone number or address: only a unit is named.
        PetitionAttributes.Tag(activity, message.PetitionId, message.Recipient.IsUnit ? message.RecipientKey : null);
        return new Delivery(activity, traced);
    }

    private sealed class Delivery(Activity? activity, IDisposable traced) : IDisposable
    {
        public void Dispose()
        {
            activity?.Dispose();
            traced.Dispose();
        }
    }
}
