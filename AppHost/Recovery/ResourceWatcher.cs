using Microsoft.Extensions.Hosting;

namespace PetitionPlatform.AppHost.Recovery;

/// <summary>
/// Follows the resources' changes from the host's Starting phase, before any hosted service starts. Aspire starts the
/// resources in a hosted service of its own (its orchestrator), whose start returns only when every resource has been
/// started, each after what it waits for: a service registered after it, as a BackgroundService, saw nothing until
/// then. An instance that died during the start-up (one of two identity instances, crashed by a lock wait) was never
/// started again, and the resources waiting for it waited for ever. Here the watch begins before the orchestrator.
/// </summary>
internal abstract class ResourceWatcher(ResourceNotificationService notifications) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _watching = Task.CompletedTask;

    protected ResourceNotificationService Notifications => notifications;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _watching = Task.Run(() => WatchAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Called with every change of every resource, in order, until the app host stops.</summary>
    protected abstract void Observe(ResourceEvent change, CancellationToken stoppingToken);

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                Observe(change, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watching.WaitAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();
}
