using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.ServiceDefaults.Messaging;
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

    /// <summary>Starts the span of one delivery; dispose it when the delivery's outcome is known.</summary>
    public static async Task<IDisposable> StartDeliveryAsync(NotificationDbContext db, NotificationMessage message, CancellationToken ct)
    {
        var cause = await db.Set<InboxMessage>().AsNoTracking()
            .Where(m => m.MessageId == message.SourceMessageId && m.TraceParent != null)
            .Select(m => new { m.TraceParent, m.TraceState })
            .FirstOrDefaultAsync(ct);
        ActivityContext.TryParse(cause?.TraceParent, cause?.TraceState, out var parent);

        var traced = SuppressInstrumentationScope.Begin(false);
        var activity = s_source.StartActivity($"notification deliver {message.Template}", ActivityKind.Client, parent);
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
