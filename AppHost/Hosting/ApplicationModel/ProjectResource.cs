namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>A .NET service project, run as <c>dotnet &lt;its dll&gt;</c> and ready when its health check answers 200.</summary>
public sealed class ProjectResource : Resource, IResourceWithEndpoints
{
    private readonly List<HttpEndpoint> _endpoints = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public ProjectResource(string name, IProjectMetadata metadata)
        : base(name)
    {
        Metadata = metadata;
        // Every project serves HTTP; WithHttpEndpoint only fixes the port.
        _endpoints.Add(new HttpEndpoint(name, "http"));
    }

    public override string Kind => "Project";

    public IProjectMetadata Metadata { get; }

    public IReadOnlyList<HttpEndpoint> Endpoints => _endpoints;

    /// <summary>The path answered with 200 once the service is ready, or null to consider it ready when started.</summary>
    public string? HealthCheckPath { get; internal set; }

    /// <summary>Variables set explicitly with WithEnvironment; they win over the wired ones.</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    public override int? ProcessId => RunningProcessId;

    /// <summary>How many times it was started again after its first start (from the dashboard), on the same ports.</summary>
    public int Restarts { get; internal set; }

    /// <summary>The exit code of its last process, once that process has ended; cleared when it starts again.</summary>
    public int? ExitCode { get; internal set; }

    internal int? RunningProcessId { get; set; }

    public HttpEndpoint GetEndpoint(string name) =>
        _endpoints.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"'{Name}' has no endpoint named '{name}'.", nameof(name));

    internal HttpEndpoint GetOrAddEndpoint(string name)
    {
        var endpoint = _endpoints.FirstOrDefault(e => e.Name == name);
        if (endpoint is null)
        {
            endpoint = new HttpEndpoint(Name, name);
            _endpoints.Add(endpoint);
        }

        return endpoint;
    }

    internal void SetEnvironment(string name, string value) => _environment[name] = value;
}
