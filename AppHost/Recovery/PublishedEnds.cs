using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PetitionPlatform.AppHost.Recovery;

/// <summary>
/// Holds a start back until the end of the instance before it has been published. Aspire 13.6.5 publishes that a
/// container or process ended only after it has read the rest of its log, whenever someone follows the logs (the
/// dashboard's console page, the test host): up to 5 s, or until the object is deleted. A restart deletes the stopped
/// container and creates the new one within that time, so the old one's "Exited" (exit code 0, the old container id)
/// arrived after the new one's "Starting" and stuck: the resource looked dead while its new container ran, waiting
/// for it ended "failed to start", and nothing became healthy. RabbitMQ's container met it on every restart (its stop
/// is quick, its log long); PostgreSQL's slower stop usually outlasted the 5 s.
/// </summary>
internal sealed class PublishedEnds(ResourceNotificationService notifications, ILogger<PublishedEnds> logger) : ResourceWatcher(notifications)
{
    /// <summary>Longer than Aspire's 5 s log read, and a stop's own few seconds.</summary>
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Per resource seen alive: completed when its end is published. By name, which is what a start's event carries:
    /// the instances of a service run with replicas share it, so a start may be let go on another instance's end.
    /// Harmless: the late "Exited" this waits for is a container's, and the servers run one instance each.
    /// </summary>
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _alive = new();

    protected override void Observe(ResourceEvent change, CancellationToken stoppingToken)
    {
        var state = change.Snapshot.State?.Text;
        if (state == KnownResourceStates.Running || state == KnownResourceStates.Stopping)
        {
            _alive.GetOrAdd(change.Resource.Name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        else if (IsEnd(state) && _alive.TryRemove(change.Resource.Name, out var ended))
        {
            ended.TrySetResult();
        }
    }

    /// <summary>Whether a state is a run's end: Aspire's terminal states, or DCP's own <c>Terminated</c> of a stop.</summary>
    public static bool IsEnd(string? state) => state is not null && (KnownResourceStates.TerminalStates.Contains(state) || state == "Terminated");

    /// <summary>Returns once the previous run of <paramref name="resource"/> (if any was alive) has been published as ended.</summary>
    public async Task EndedAsync(string resource, CancellationToken cancellationToken)
    {
        if (!_alive.TryGetValue(resource, out var ended))
        {
            return;
        }

        try
        {
            await ended.Task.WaitAsync(s_patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The end of {Resource}'s previous run was not published within {Seconds} s; starting it anyway.", resource, s_patience.TotalSeconds);
            _alive.TryRemove(resource, out _);
        }
    }
}
