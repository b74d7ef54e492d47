using Microsoft.Extensions.Logging;

namespace PetitionPlatform.Messaging;

/// <summary>
/// A <see cref="RepeatingWorker"/> that keeps something in the process current with the database (the holiday notices,
/// the signing keys): once before the host takes its first request or message, so a restarted process never starts
/// without it, then every <see cref="Interval"/>, for what other instances changed.
/// </summary>
public abstract class RefreshWorker(TimeProvider time, ILogger logger) : RepeatingWorker(time, logger)
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RefreshAsync(CancellationToken ct);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected sealed override bool WaitsBeforeFirstRound => true;

    protected sealed override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        await RefreshAsync(stoppingToken);
        return false;
    }

    protected sealed override Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(Interval, Time, stoppingToken);
}
