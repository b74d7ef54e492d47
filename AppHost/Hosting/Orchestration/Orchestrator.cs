using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>
/// Starts resources in dependency order, independent ones in parallel, and stops them in reverse order. The first
/// failure cancels what is still starting; the caller then stops what did start.
/// </summary>
internal sealed class Orchestrator(IReadOnlyList<IResource> resources, ResourceRunner runner, AppHostSettings settings, ILogger logger)
{
    private IReadOnlyList<IReadOnlyList<IResource>> _layers = [];
    private Task _starting = Task.CompletedTask;

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
