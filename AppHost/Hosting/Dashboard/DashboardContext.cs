using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Dashboard.Resources;
using PetitionPlatform.Hosting.Orchestration;

namespace PetitionPlatform.Hosting.Dashboard;

/// <summary>What the dashboard's pages read from the host: the resources and the dashboard's own settings.</summary>
internal sealed class DashboardContext(IReadOnlyList<IResource> resources, DashboardSettings settings, TimeProvider time)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public DashboardSettings Settings { get; } = settings;

    public TimeProvider Time { get; } = time;

    public DateTimeOffset StartedAt { get; } = time.GetLocalNow();

    /// <summary>Runs the start/stop/restart commands of the Resources view.</summary>
    public required Orchestrator Orchestrator { get; init; }

    /// <summary>How much of each resource's console output is kept and queued per live-tail client.</summary>
    public required ResourceLimits ResourceLimits { get; init; }
}
