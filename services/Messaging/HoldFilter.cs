using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PetitionPlatform.Messaging;

/// <summary>
/// A consumer's retries, in front of the inbox: a few quick ones in the process (MassTransit's own retry filter would sit
/// outside every filter of a message type, this one included, so it is not used), then a message that still fails is
/// held in the service's database and acknowledged, to be sent back to its queue after the next delay of <see cref="ConsumerRetryOptions"/> (so an event that arrived before the
/// one it depends on waits minutes, not seconds), and after the last delay set aside for an operator. Only when even the
/// database cannot take it does the failure reach MassTransit, which moves it to the <c>_error</c> queue.
/// </summary>
internal sealed partial class HoldFilter(
    IServiceScopeFactory scopes,
    IOptions<ConsumerRetryOptions> options,
    TimeProvider time,
    ILogger<HoldFilter> logger) : IFilter<ConsumeContext>
{
    private static readonly TimeSpan s_firstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_maxRetryDelay = TimeSpan.FromSeconds(10);

    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var retries = options.Value.ImmediateRetries;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await next.Send(context);
                return;
            }
            catch (Exception) when (!context.CancellationToken.IsCancellationRequested && attempt < retries)
            {
                // The inbox filter starts each attempt afresh: a new transaction, no changes left from the last one.
                var delay = TimeSpan.FromTicks(Math.Min(s_maxRetryDelay.Ticks, s_firstRetryDelay.Ticks << attempt));
                await Task.Delay(delay, time, context.CancellationToken);
            }
            catch (Exception failure) when (!context.CancellationToken.IsCancellationRequested && context.MessageId is not null)
            {
                await HoldAsync(context, failure);
                return;
            }
        }
    }

    private async Task HoldAsync(ConsumeContext context, Exception failure)
    {
        var consumer = HeldMessages.QueueOf(context.ReceiveContext);
        var redeliveries = context.Headers.Get<int>(HeldMessages.RedeliveriesHeader) ?? 0;
        var schedule = options.Value.Schedule;
        var now = time.GetUtcNow();
        DateTimeOffset? releaseAt = redeliveries < schedule.Count ? now + schedule[redeliveries] : null;
        HeldMessage held;
        try
        {
            held = HeldMessages.FromEnvelope(context, consumer);
            held.Redeliveries = redeliveries;
            held.LastError = HeldMessages.Reason(failure);
            held.HeldAt = now;
            held.ReleaseAt = releaseAt;
            await SaveAsync(held);
        }
        catch (Exception holdFailure)
        {
            MessagingTelemetry.MovedToErrorQueue.Add(1, HeldMessages.Tags(consumer, "unknown"));
            LogNotHeld(logger, context.MessageId!.Value, consumer, holdFailure.Message);
            // The original failure, with its stack, is what the error queue's fault headers should carry.
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }

        var type = ContractTypes.ShortName(held.MessageType);
        if (releaseAt is { } at)
        {
            MessagingTelemetry.Redeliveries.Add(1, HeldMessages.Tags(consumer, type));
            LogHeld(logger, held.MessageId, type, consumer, at, held.LastError);
        }
        else
        {
            MessagingTelemetry.SetAside.Add(1, HeldMessages.Tags(consumer, type));
            LogSetAside(logger, held.MessageId, type, consumer, redeliveries, held.LastError);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("hold");

    /// <summary>
    /// In a scope of its own: the consumer's context may hold the failed attempt's changes. A second failure of the same
    /// message (after a redelivery, or a copy sent twice) replaces the first row.
    /// </summary>
    private async Task SaveAsync(HeldMessage held)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO held_messages (message_id, consumer, message_type, body, petition_id, trace_parent, trace_state,
                                       redeliveries, last_error, held_at, release_at)
            VALUES ({held.MessageId}, {held.Consumer}, {held.MessageType}, CAST({held.Body} AS jsonb), {held.PetitionId},
                    {held.TraceParent}, {held.TraceState}, {held.Redeliveries}, {held.LastError}, {held.HeldAt}, {held.ReleaseAt})
            ON CONFLICT (message_id, consumer) DO UPDATE SET
                redeliveries = EXCLUDED.redeliveries, last_error = EXCLUDED.last_error,
                held_at = EXCLUDED.held_at, release_at = EXCLUDED.release_at
            """);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Message {MessageId} ({MessageType}) failed in {Consumer} after its quick retries; held until {ReleaseAt:o}, then sent back: {Reason}")]
    private static partial void LogHeld(ILogger logger, Guid messageId, string messageType, string consumer, DateTimeOffset releaseAt, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Message {MessageId} ({MessageType}) still failed in {Consumer} after {Redeliveries} redeliveries and is set aside; replay it once fixed: {Reason}")]
    private static partial void LogSetAside(ILogger logger, Guid messageId, string messageType, string consumer, int redeliveries, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Message {MessageId} failed in {Consumer} and could not be held in the database ({HoldFailure}); it goes to the queue's _error queue")]
    private static partial void LogNotHeld(ILogger logger, Guid messageId, string consumer, string holdFailure);
}
