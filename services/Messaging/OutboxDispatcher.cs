using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using PetitionPlatform.Data;
using PetitionPlatform.ServiceDefaults.Telemetry;

namespace PetitionPlatform.Messaging;

/// <summary>
/// The background relay of the transactional outbox: takes committed, unsent rows oldest first, publishes each
/// with the broker's confirm, and marks it sent. A row is marked only after the confirm, so a crash between the
/// two re-publishes it with the same MessageId, which the consumers' inboxes then ignore.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    OutboxDepth depth,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : RepeatingWorker(time, logger)
{
    private readonly OutboxOptions _options = options.Value;

    protected override TimeSpan MaxBackoff => _options.MaxBackoff;

    /// <summary>A full batch means more rows are waiting: the next round starts at once.</summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken) =>
        await DispatchBatchAsync(stoppingToken) == _options.BatchSize;

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Outbox message {MessageId} ({MessageType}) failed {Faults} times for a reason of its own and is set aside; the outbox flows on without it. Replay it once fixed. Last error: {Reason}")]
    private static partial void LogSetAside(ILogger logger, Guid messageId, string messageType, int faults, string? reason);

    /// <summary>Until a commit adds rows (the signal), or the poll interval as a safety net.</summary>
    protected override Task WaitAsync(CancellationToken stoppingToken) => signal.WaitAsync(_options.PollInterval, stoppingToken);

    private async Task<int> DispatchBatchAsync(CancellationToken stoppingToken)
    {
        // Polling the table every few seconds is not work anyone follows: only each publish (below) is traced.
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        await using var transaction = await db.Database.BeginWholeTransactionAsync(stoppingToken);

        // SKIP LOCKED lets several instances of a service share one outbox without publishing a row twice.
        // Rows set aside wait for an operator; the rest flow on without them.
        var batch = await db.SelectMapped<OutboxMessage>(
                $"WHERE sent_at IS NULL AND set_aside_at IS NULL ORDER BY sequence LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(stoppingToken);

        Exception? failure = null;
        foreach (var message in batch)
        {
            message.Attempts++;
            try
            {
                await PublishAsync(message, stoppingToken);
                message.SentAt = Time.GetUtcNow();
                message.LastError = null;
                MessagingTelemetry.Published.Add(1);
                MessagingTelemetry.Lag.Record((message.SentAt.Value - message.CreatedAt).TotalSeconds);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                MessagingTelemetry.PublishFailures.Add(1);
                if (!BrokerFaults.Caused(ex) && ++message.Faults >= _options.MaxFaults)
                {
                    SetAside(message);
                    continue;
                }

                // Stop at the first failure: later events of the same petition must not overtake an earlier one
                // (unless the earlier one is set aside for good, above).
                failure = ex;
                break;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        await depth.RefreshIfStaleAsync(db, stoppingToken);
        return failure is null ? batch.Count : throw new OutboxPublishException(batch.Count(m => m.SentAt is not null), failure);
    }

    private void SetAside(OutboxMessage message)
    {
        message.SetAsideAt = Time.GetUtcNow();
        MessagingTelemetry.SetAside.Add(1,
            new KeyValuePair<string, object?>("messaging.operation", "publish"),
            new KeyValuePair<string, object?>("messaging.message.type", ContractTypes.ShortName(message.MessageType)));
        LogSetAside(Logger, message.Id, message.MessageType, message.Faults, message.LastError);
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        var type = ContractTypes.Resolve(message.MessageType);
        var payload = JsonSerializer.Deserialize(message.Body, type, Outbox.Json)
            ?? throw new InvalidOperationException($"Outbox row {message.Id} has an empty body.");

        // Continue the trace of the request that caused the event, however long the row waited. While this span is
        // current, MassTransit's send span (and with it the trace context in the message headers) is its child.
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var traced = SuppressInstrumentationScope.Begin(false);
        using var activity = MessagingTelemetry.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id.ToString());
        activity?.SetTag("messaging.message.type", type.Name);
        PetitionAttributes.TagFrom(activity, payload);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(payload, type, context => context.MessageId = message.Id, timeout.Token);
    }
}

internal sealed class OutboxPublishException(int published, Exception inner)
    : Exception($"Published {published} message(s), then: {inner.Message}", inner);
