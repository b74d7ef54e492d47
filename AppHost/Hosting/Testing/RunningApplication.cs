namespace PetitionPlatform.Hosting.Testing;

/// <summary>An AppHost started by <see cref="DistributedApplicationFactory"/>; disposing it stops every resource.</summary>
public sealed class RunningApplication : IAsyncDisposable
{
    private readonly FactorySession _session;
    private readonly Task _finished;

    internal RunningApplication(FactorySession session, DistributedApplication application, Task finished)
    {
        _session = session;
        _finished = finished;
        Application = application;
    }

    public DistributedApplication Application { get; }

    public Uri GetEndpoint(string resourceName, string endpointName = "http") => Application.GetEndpoint(resourceName, endpointName);

    /// <summary>The host's dashboard (pages, JSON API, OTLP receiver); start with <c>--Dashboard:Port=0</c> in tests.</summary>
    public Uri DashboardUrl => Application.DashboardUrl
        ?? throw new InvalidOperationException("The dashboard is disabled (Dashboard:Enabled=false).");

    public async ValueTask DisposeAsync()
    {
        _session.Release();
        await _finished;
        _session.Dispose();
    }
}
