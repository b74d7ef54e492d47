using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>
/// Starts resources in dependency order, independent ones in parallel, and stops them in reverse order. The first
/// failure cancels what is still starting; the caller then stops what did start. While the host runs, a project can be
/// stopped, started and restarted on request, one command per project at a time.
/// </summary>
internal sealed class Orchestrator(IReadOnlyList<IResource> resources, ResourceRunner runner, AppHostSettings settings, ILogger logger)
{
    // Taken by a command for its whole run, and by the host's stop for good: no command is half done when the host stops
    // its resources, and none starts a process afterwards.
    private readonly Dictionary<IResource, SemaphoreSlim> _commandGates = resources.OfType<ProjectResource>().ToDictionary(p => (IResource)p, _ => new SemaphoreSlim(1, 1));
    private IReadOnlyList<IReadOnlyList<IResource>> _layers = [];
    private Task _starting = Task.CompletedTask;

    /// <summary>True once the host has begun to stop.</summary>
    public bool IsStopping => runner.Stopping.IsCancellationRequested;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _layers = ResourceGraph.Layers(resources);
        var projects = resources.OfType<ProjectResource>().ToList();
        if (projects.FirstOrDefault(p => !File.Exists(p.Metadata.TargetPath)) is { } unbuilt)
        {
            throw new HostingException($"Project '{unbuilt.Name}' is not built ({unbuilt.Metadata.TargetPath} is missing); build first with 'dotnet build'.");
        }

        EndpointAllocator.Allocate(projects);
        OrchestratorLog.Starting(logger, resources.Count, settings.DataDirectory);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, runner.Stopping);
        var starts = new Dictionary<IResource, Task>();
        foreach (var resource in _layers.SelectMany(layer => layer))
        {
            var dependencies = ResourceGraph.StartDependencies(resource).Select(d => starts[d]).ToList();
            starts[resource] = StartResourceAsync(resource, dependencies, failFast);
        }

        _starting = Task.WhenAll(starts.Values);
        try
        {
            await _starting;
        }
        catch
        {
            // Report the failure that caused the others to be cancelled, in start order.
            var cause = starts.Values.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
            throw cause switch
            {
                null => new OperationCanceledException("The host was stopped while starting.", cancellationToken),
                HostingException hosting => hosting,
                _ => new HostingException($"Starting the application failed: {cause.Message}", cause),
            };
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await runner.BeginStoppingAsync();
        foreach (var gate in _commandGates.Values)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        try
        {
            await _starting;
        }
        catch (Exception)
        {
            // Start failures were reported by StartAsync; what matters now is stopping whatever did start.
        }

        if (resources.All(r => r.State is ResourceState.NotStarted))
        {
            return;
        }

        OrchestratorLog.Stopping(logger);
        foreach (var layer in _layers.Reverse())
        {
            await Task.WhenAll(layer.Select(resource => runner.StopAsync(resource, cancellationToken)));
        }

        OrchestratorLog.Stopped(logger, settings.DataDirectory);
    }

    /// <summary>
    /// Runs <paramref name="command"/> on <paramref name="resource"/> and returns once it is done: stopped, or started and
    /// healthy again on the same ports and environment.
    /// </summary>
    /// <returns>Null when the command ran; otherwise why it was refused (nothing was changed).</returns>
    /// <exception cref="HostingException">The project was started but did not become healthy; it is stopped again.</exception>
    public async Task<string?> ExecuteAsync(IResource resource, ResourceCommand command, CancellationToken cancellationToken)
    {
        if (ResourceTransitions.Refusal(resource, command, IsStopping) is { } refusal)
        {
            return refusal;
        }

        var gate = _commandGates[resource];
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, runner.Stopping);
        try
        {
            await gate.WaitAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (IsStopping)
        {
            return ResourceTransitions.HostStopping;
        }

        try
        {
            // Again: the command before this one (or the host) may have changed the state while this one waited.
            if (ResourceTransitions.Refusal(resource, command, IsStopping) is { } late)
            {
                return late;
            }

            var project = (ProjectResource)resource;
            if (command is ResourceCommand.Stop or ResourceCommand.Restart && project.State is ResourceState.Running)
            {
                await runner.StopAsync(project, CancellationToken.None);
                OrchestratorLog.StoppedOnRequest(logger, project.Name);
            }

            return command is ResourceCommand.Start or ResourceCommand.Restart ? await StartAgainAsync(project) : null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <returns>Null once it runs; the reason if the host began to stop meanwhile.</returns>
    private async Task<string?> StartAgainAsync(ProjectResource project)
    {
        project.State = ResourceState.Starting;
        project.Restarts++;
        try
        {
            // Its ports were allocated once, when the host started, and its environment is rebuilt from the same model.
            await runner.StartAsync(project, runner.Stopping);
            project.State = ResourceState.Running;
            OrchestratorLog.StartedOnRequest(logger, project.Name, project.Restarts);
            return null;
        }
        catch (OperationCanceledException) when (IsStopping)
        {
            // The host's stop waits for this command, then stops the process this one started.
            return ResourceTransitions.HostStopping;
        }
        catch (Exception failure)
        {
            await runner.StopAsync(project, CancellationToken.None);
            project.State = ResourceState.FailedToStart;
            throw failure as HostingException ?? new HostingException($"Starting '{project.Name}' failed: {failure.Message}", failure);
        }
    }

    private async Task StartResourceAsync(IResource resource, List<Task> dependencies, CancellationTokenSource failFast)
    {
        var cancellationToken = failFast.Token;
        var mutable = (Resource)resource;
        try
        {
            mutable.State = ResourceState.Waiting;
            try
            {
                await Task.WhenAll(dependencies).WaitAsync(cancellationToken);
            }
            catch (Exception)
            {
                // A dependency failed (and reported it) or the host is stopping: this one never starts.
                mutable.State = ResourceState.NotStarted;
                throw new OperationCanceledException(cancellationToken);
            }

            mutable.State = ResourceState.Starting;
            await runner.StartAsync(resource, cancellationToken);
            mutable.State = ResourceState.Running;
            OrchestratorLog.Ready(logger, resource.Name);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            mutable.State = ResourceState.FailedToStart;
            await failFast.CancelAsync();
            throw;
        }
    }
}
