using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using PetitionPlatform.Data;

namespace PetitionPlatform.Messaging;

/// <summary>
/// Sends held messages back to their queues when their delay is over. A row is removed in the same transaction, after
/// the broker confirmed the send; a crash in between sends it twice, which the inbox makes harmless.
/// </summary>
internal sealed partial class HeldMessageRelease(
    IServiceScopeFactory scopes,
    IBus bus,
    SetAsideCount setAside,
    TimeProvider time,
    IOptions<ConsumerRetryOptions> options,
    IOptions<OutboxOptions> outbox,
    ILogger<HeldMessageRelease> logger) : RepeatingWorker(time, logger)
{
    private const int BatchSize = 100;

    protected override TimeSpan MaxBackoff => outbox.Value.MaxBackoff;

    protected override Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(options.Value.PollInterval, Time, stoppingToken);

    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        await using var transaction = await db.Database.BeginWholeTransactionAsync(stoppingToken);
        var due = await db.SelectMapped<HeldMessage>($"WHERE release_at <= {Time.GetUtcNow()} ORDER BY release_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(stoppingToken);

        Exception? failure = null;
        foreach (var held in due)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(outbox.Value.PublishTimeout);
                await HeldMessages.SendBackAsync(bus, held, held.Redeliveries + 1, timeout.Token);
                db.Remove(held);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (BrokerFaults.Caused(ex))
                {
                    failure = ex;
                    break;
                }

                // A row that cannot be read back will not become readable by waiting: an operator must look at it.
                held.ReleaseAt = null;
                held.LastError = HeldMessages.Reason(ex);
                MessagingTelemetry.SetAside.Add(1, HeldMessages.Tags(held.Consumer, ContractTypes.ShortName(held.MessageType)));
                LogUnreadable(Logger, held.MessageId, held.Consumer, held.LastError);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        await setAside.RefreshAsync(db, stoppingToken);
        return failure is null ? due.Count == BatchSize : throw new InvalidOperationException($"Sending held messages back failed: {failure.Message}", failure);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Held message {MessageId} for {Consumer} cannot be sent back and is set aside: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, Guid messageId, string consumer, string reason);
}
