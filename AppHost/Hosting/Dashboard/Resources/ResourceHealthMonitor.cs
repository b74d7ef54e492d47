using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Hosting;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Orchestration;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Dashboard.Resources;

/// <summary>
/// Asks every running project's health check every few seconds, as the host did while it started them, and keeps only the
/// last answer per project. Servers and databases have no health check: their health is whether their process lives.
/// </summary>
internal sealed class ResourceHealthMonitor(DashboardContext context) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    // Keyed by project, tagged with the process asked: an answer from a process that was since replaced says nothing.
    private readonly ConcurrentDictionary<ProjectResource, (int ProcessId, ResourceHealth Health)> _latest = new();

    public ResourceHealth For(IResource resource) => resource switch
    {
        ProjectResource { HealthCheckPath: not null } project => LatestProbe(project),
        IResourceWithParent child => ChildHealth(child),
        _ => ProcessHealth(resource),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new HttpClient { Timeout = ProbeTimeout };
        using var timer = new PeriodicTimer(Interval, context.Time);
        var projects = context.Resources.OfType<ProjectResource>().Where(p => p.HealthCheckPath is not null).ToList();
        try
        {
            do
            {
                await Task.WhenAll(projects.Select(project => ProbeAsync(client, project, stoppingToken)));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The dashboard is stopping.
        }
    }

    private async Task ProbeAsync(HttpClient client, ProjectResource project, CancellationToken cancellationToken)
    {
        if (project.State is not ResourceState.Running || project.ProcessId is not { } processId)
        {
            return;
        }

        var url = HealthProbe.UrlOf(project);
        var status = await HealthProbe.CheckOnceAsync(client, url, cancellationToken);
        var request = $"GET {url.AbsolutePath}";
        var health = status switch
        {
            HttpStatusCode.OK => new ResourceHealth(HealthStatus.Healthy, $"{request} answered 200", context.Time.GetLocalNow()),
            { } code => new ResourceHealth(HealthStatus.Unhealthy, $"{request} answered {(int)code}", context.Time.GetLocalNow()),
            null => new ResourceHealth(
                HealthStatus.Unhealthy, $"{request} did not answer within {ProbeTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", context.Time.GetLocalNow()),
        };
        _latest[project] = (processId, health);
    }

    private ResourceHealth LatestProbe(ProjectResource project)
    {
        if (project.State is not ResourceState.Running)
        {
            return new ResourceHealth(HealthStatus.Unknown, "not running");
        }

        return _latest.TryGetValue(project, out var latest) && latest.ProcessId == project.ProcessId
            ? latest.Health
            : new ResourceHealth(HealthStatus.Unknown, "not checked since it started");
    }

    // A database is as healthy as the server it lives in, once it was created there.
    private static ResourceHealth ChildHealth(IResourceWithParent child)
    {
        if (child.State is not ResourceState.Running)
        {
            return new ResourceHealth(HealthStatus.Unknown, "not running");
        }

        var parent = ProcessHealth(child.Parent);
        return parent with { Detail = $"in '{child.Parent.Name}': {parent.Detail}" };
    }

    private static ResourceHealth ProcessHealth(IResource resource) => (resource.State, resource.ProcessId) switch
    {
        (ResourceState.Running, { } pid) when Signals.IsAlive(pid) => new ResourceHealth(HealthStatus.Healthy, $"process {pid} is running"),
        (ResourceState.Running, { } pid) => new ResourceHealth(HealthStatus.Unhealthy, $"process {pid} is gone"),
        (ResourceState.Running, null) => new ResourceHealth(HealthStatus.Healthy, "running"),
        _ => new ResourceHealth(HealthStatus.Unknown, "not running"),
    };
}
