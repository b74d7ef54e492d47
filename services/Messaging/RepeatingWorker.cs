using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PetitionPlatform.Messaging;

/// <summary>
/// The one shape of the platform's background loops (the outbox dispatcher, notification's sender, supervision's
/// deadline evaluation): a round of work, then a wait unless more work is already waiting; a failed round is logged
/// and followed by a back-off that doubles up to <see cref="MaxBackoff"/>, so a database or broker that is away is
/// neither hammered nor given up on. The loop outlives any fault and stops only with the host.
/// </summary>
public abstract partial class RepeatingWorker(TimeProvider time, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromMilliseconds(500);

    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>One round. Returns true when more work is known to be waiting, so the next round starts at once.</summary>
    protected abstract Task<bool> RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>Waits until the next round is due: a poll interval, or sooner when signalled.</summary>
    protected abstract Task WaitAsync(CancellationToken stoppingToken);

    /// <summary>Whether the first round waits for its turn rather than running at start.</summary>
    protected virtual bool WaitsBeforeFirstRound => false;

    protected virtual TimeSpan MaxBackoff => TimeSpan.FromMinutes(1);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var more = !WaitsBeforeFirstRound;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!more)
                {
                    await WaitAsync(stoppingToken);
                }

                more = await RunOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, s_firstBackoff.Ticks << Math.Min(failures - 1, 20)));
                LogRoundFailed(Logger, GetType().Name, backoff.TotalSeconds, ex.Message);
                more = true;
                try
                {
                    await Task.Delay(backoff, Time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: the round failed; trying again in {DelaySeconds} s: {Reason}")]
    private static partial void LogRoundFailed(ILogger logger, string worker, double delaySeconds, string reason);
}
