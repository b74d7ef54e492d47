using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PetitionPlatform.Contracts;
using PetitionPlatform.Data;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.Messaging;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.Notification.Telemetry;

namespace PetitionPlatform.Notification.Delivery;

/// <summary>
/// Delivers pending messages through the channel of each, oldest first. Rows are locked with SKIP LOCKED, so several
/// instances share the work without sending a message twice; a delivery and its result (sent, or the failure with the
/// next attempt time) commit together with the <see cref="NotificationSent"/> event in the outbox. A crash between a
/// channel accepting a message and that commit sends it again: delivery is at least once, as SMS gateways are.
/// </summary>
public sealed partial class NotificationSender(
    IServiceScopeFactory scopes,
    ReceiptSealing sealing,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<NotificationSender> logger)
    : RepeatingWorker(time, logger)
{
    private readonly DeliveryOptions _options = options.Value;

    /// <summary>A full batch means more messages are due: the next round starts at once.</summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        // Looking for due messages every second is not work anyone follows; each delivery is traced on its own.
        using var quiet = DeliveryTracing.QuietPolling();
        return await SendDueAsync(stoppingToken) == _options.BatchSize;
    }

    protected override Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(_options.PollInterval, Time, stoppingToken);

    /// <summary>One round: the messages due now, each delivered once, the outcome committed. Returns how many were handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginWholeTransactionAsync(cancellationToken);
        var due = await db.SelectMapped<NotificationMessage>(
                $"WHERE status = 'pending' AND next_attempt_at <= {Time.GetUtcNow()} ORDER BY created_at, id LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);

        var causes = await DeliveryTracing.FindCausesAsync(db, due, cancellationToken);
        foreach (var message in due)
        {
            await DeliverAsync(scope.ServiceProvider, db, message, causes.GetValueOrDefault(message.SourceMessageId), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    private async Task DeliverAsync(
        IServiceProvider services, NotificationDbContext db, NotificationMessage message, ActivityContext cause, CancellationToken cancellationToken)
    {
        using var span = DeliveryTracing.StartDelivery(cause, message);
        try
        {
            var channel = services.GetKeyedService<INotificationChannel>(message.Channel)
                ?? throw new InvalidOperationException($"No delivery channel is registered for '{message.Channel}'.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.DeliveryTimeout);
            await channel.DeliverAsync(new OutgoingDelivery(
                message.Id, message.PetitionId, message.Channel, message.RecipientKind, message.RecipientKey,
                message.Template, message.TextToDeliver(sealing), message.Attempts + 1), timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception's type, not its message: a channel's message may quote the recipient's address.
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            var now = Time.GetUtcNow();
            message.MarkAttemptFailed(ex.Message, now, _options.MaxAttempts, _options.RetryDelayAfter(message.Attempts + 1));
            if (message.Status == NotificationStatuses.Failed)
            {
                LogGaveUp(Logger, message.Id, message.Template, message.Attempts, ex.Message);
            }
            else
            {
                LogWillRetry(Logger, message.Id, message.Template, message.Attempts, message.NextAttemptAt, ex.Message);
            }

            return;
        }

        var sentAt = Time.GetUtcNow();
        message.MarkSent(sentAt);
        db.AddToOutbox(new NotificationSent(
            message.PetitionId, message.Id, message.Template,
            message.RecipientKind == Recipient.Org ? message.RecipientKey : null,
            message.Channel, sentAt), Time);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} ({Template}) failed attempt {Attempt}; next attempt at {NextAttemptAt}: {Reason}")]
    private static partial void LogWillRetry(ILogger logger, Guid notificationId, string template, int attempt, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} ({Template}) failed after {Attempts} attempts and is marked failed: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, Guid notificationId, string template, int attempts, string reason);
}
