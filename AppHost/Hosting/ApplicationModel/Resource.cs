namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>What every resource shares: a name, its state while the host runs, its logs, and its dependencies.</summary>
public abstract class Resource : IResource
{
    private readonly List<IResource> _waitsFor = [];
    private readonly List<IResource> _references = [];
    private volatile int _state;

    protected Resource(string name)
    {
        ResourceNames.Validate(name);
        Name = name;
    }

    public string Name { get; }

    public abstract string Kind { get; }

    public ResourceState State
    {
        get => (ResourceState)_state;
        internal set => _state = (int)value;
    }

    public virtual int? ProcessId => null;

    /// <summary>When it last started (for a project: when its process was launched), or null if it never has.</summary>
    public DateTimeOffset? StartedAt { get; internal set; }

    public ResourceLogs Logs { get; } = new();

    public IReadOnlyList<IResource> WaitsFor => _waitsFor;

    public IReadOnlyList<IResource> References => _references;

    public override string ToString() => Name;

    internal void AddWaitFor(IResource resource)
    {
        if (!_waitsFor.Contains(resource))
        {
            _waitsFor.Add(resource);
        }
    }

    internal void AddReference(IResource resource)
    {
        if (!_references.Contains(resource))
        {
            _references.Add(resource);
        }
    }

    private protected InvalidOperationException NotRunning() =>
        new($"Resource '{Name}' is not running; its connection details exist only while it runs.");
}
