using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Dashboard;

/// <summary>What the dashboard's pages read from the host: the resources and the dashboard's own settings.</summary>
internal sealed class DashboardContext(IReadOnlyList<IResource> resources, DashboardSettings settings, TimeProvider time)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public DashboardSettings Settings { get; } = settings;

    public TimeProvider Time { get; } = time;

    public DateTimeOffset StartedAt { get; } = time.GetLocalNow();
}
