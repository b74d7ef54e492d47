using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PetitionPlatform.AppHost.Recovery;

/// <summary>
/// Starts again, with back-off (<see cref="RestartRule"/>), a server or service that died while running: SIGKILL, a
/// crash, a non-zero exit. What the operator stopped stays stopped. Written here because Aspire 13.6 has none for what
/// it runs on this machine: DCP's container object has a restart policy field that Aspire never sets, and its
/// executables and projects have none; the dashboard's Start was the only way back.
/// </summary>
internal sealed partial class RestartPolicy(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    StopRequests stops,
    ILogger<RestartPolicy> logger) : ResourceWatcher(notifications)
{
    private readonly ConcurrentDictionary<string, Instance> _instances = new();

    protected override void Observe(ResourceEvent change, CancellationToken stoppingToken)
    {
        // What DCP runs: servers and services. Not the local databases (states of our own) nor parameters.
        if (change.Resource is not (ContainerResource or ExecutableResource or ProjectResource))
        {
            return;
        }

        var instance = _instances.GetOrAdd(change.ResourceId, _ => new Instance());
        var state = change.Snapshot.State?.Text;
        if (state is null || state == instance.State)
        {
            return; // health reports and properties: no change of life
        }

        if (state == KnownResourceStates.Running)
        {
            instance.RunningSince = DateTime.UtcNow;
        }
        else if (PublishedEnds.IsEnd(state))
        {
            // Asked for on the dashboard (Stop), or seen as DCP's own stop on its way (Stopping) or end (Terminated).
            var asked = stops.Take(change.ResourceId) || instance.State == KnownResourceStates.Stopping || state == "Terminated";
            if (RestartRule.IsUnexpectedEnd(instance.State, state, change.Snapshot.ExitCode, asked))
            {
                var step = RestartRule.StepFor(instance.Starts, DateTime.UtcNow - (instance.RunningSince ?? DateTime.UtcNow));
                instance.Starts = step + 1;
                _ = StartAgainAsync(change.ResourceId, state, change.Snapshot.ExitCode, RestartRule.DelayBefore(step), stoppingToken);
            }
            else if (asked && instance.State is not null && !PublishedEnds.IsEnd(instance.State))
            {
                // Said once, when it ends: the operator (and the test of this rule) can see the policy stood aside.
                LogLeftStopped(logger, change.ResourceId, state);
            }
        }

        instance.State = state;
    }

    private async Task StartAgainAsync(string resourceId, string state, int? exitCode, TimeSpan delay, CancellationToken stoppingToken)
    {
        logger.LogWarning("{Resource} ended unexpectedly ({State}, exit code {ExitCode}); starting it again in {Delay} s.",
            resourceId, state, exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, stoppingToken);
            // Someone may have started (or the app host begun stopping) it meanwhile: only a resource still down is started.
            if (!Notifications.TryGetCurrentState(resourceId, out var current) || !KnownResourceStates.TerminalStates.Contains(current.Snapshot.State?.Text))
            {
                return;
            }

            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                logger.LogError("{Resource} could not be started again: {Message}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Resource} could not be started again.", resourceId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} was stopped as asked ({State}); it stays stopped until someone starts it.")]
    private static partial void LogLeftStopped(ILogger logger, string resource, string state);

    private sealed class Instance
    {
        public string? State { get; set; }

        public DateTime? RunningSince { get; set; }

        /// <summary>Starts by this policy since the resource last ran stably: the back-off step of the next one.</summary>
        public int Starts { get; set; }
    }
}
