using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PetitionPlatform.Messaging;

/// <summary>
/// The error pipe of every receive endpoint, in place of MassTransit's move to the <c>_error</c> queue: a message whose
/// quick retries are used up is held in the service's database and acknowledged, to be sent back to its queue after the
/// next delay of <see cref="ConsumerRetryOptions"/> (so an event that arrived before the one it depends on waits
/// minutes, not seconds), and after the last delay set aside for an operator. Only when even the database cannot take
/// it, for about a minute of attempts, does it go on to the error transport behind this filter, the <c>_error</c> queue.
/// </summary>
internal sealed partial class HoldFilter(
    IServiceScopeFactory scopes,
    IOptions<ConsumerRetryOptions> options,
    TimeProvider time,
    ILogger<HoldFilter> logger) : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var consumer = HeldMessages.QueueOf(context);
        HeldMessage held;
        try
        {
            held = HeldMessages.FromEnvelope(context, consumer);
            var schedule = options.Value.Schedule;
            held.LastError = HeldMessages.Reason(context.Exception);
            held.HeldAt = time.GetUtcNow();
            held.ReleaseAt = held.Redeliveries < schedule.Count ? held.HeldAt + schedule[held.Redeliveries] : null;
            await SaveWhenTheDatabaseAnswersAsync(held, consumer, context.CancellationToken);
        }
        catch (Exception holdFailure) when (!context.CancellationToken.IsCancellationRequested)
        {
            // A stopping process falls through instead: the message stays unacknowledged and the broker delivers it again.
            MessagingTelemetry.MovedToErrorQueue.Add(1, HeldMessages.Tags(consumer, "unknown"));
            LogNotHeld(logger, consumer, holdFailure.Message);
            await next.Send(context);
            return;
        }

        var type = ContractTypes.ShortName(held.MessageType);
        if (held.ReleaseAt is { } at)
        {
            MessagingTelemetry.Redeliveries.Add(1, HeldMessages.Tags(consumer, type));
            LogHeld(logger, held.MessageId, type, consumer, at, held.LastError);
        }
        else
        {
            MessagingTelemetry.SetAside.Add(1, HeldMessages.Tags(consumer, type));
            LogSetAside(logger, held.MessageId, type, consumer, held.Redeliveries, held.LastError);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("hold");

    /// <summary>
    /// Tries again while the database does not answer, for as long as <see cref="ConsumerRetryOptions.HoldSchedule"/>
    /// says: the quick retries of a message that met a database restart can end before the restart does. The message
    /// stays unacknowledged meanwhile, so a process that stops here leaves it to the broker to deliver again.
    /// </summary>
    private async Task SaveWhenTheDatabaseAnswersAsync(HeldMessage held, string consumer, CancellationToken ct)
    {
        var waits = options.Value.HoldSchedule;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SaveAsync(held);
                return;
            }
            catch (Exception failure) when (attempt < waits.Count && !ct.IsCancellationRequested)
            {
                MessagingTelemetry.HoldRetries.Add(1, HeldMessages.Tags(consumer, ContractTypes.ShortName(held.MessageType)));
                LogHoldRetried(logger, consumer, waits[attempt], failure.Message);
                await Task.Delay(waits[attempt], time, ct);
            }
        }
    }

    /// <summary>A second failure of the same message (after a redelivery, or a copy sent twice) replaces the first row.</summary>
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

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A message failed in {Consumer} and the database did not take it to hold ({HoldFailure}); trying again in {Wait}")]
    private static partial void LogHoldRetried(ILogger logger, string consumer, TimeSpan wait, string holdFailure);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "A message failed in {Consumer} and could not be held in the database ({HoldFailure}); it goes to the queue's _error queue")]
    private static partial void LogNotHeld(ILogger logger, string consumer, string holdFailure);
}
