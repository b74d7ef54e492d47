namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>An HTTP endpoint a project listens on, on 127.0.0.1.</summary>
public sealed class HttpEndpoint
{
    internal HttpEndpoint(string resourceName, string name)
    {
        ResourceName = resourceName;
        Name = name;
    }

    public string ResourceName { get; }

    public string Name { get; }

    /// <summary>The port asked for; null or 0 means a free port chosen at start.</summary>
    public int? Port { get; internal set; }

    /// <summary>The configuration key the port came from, so a "port in use" failure can say how to choose another.</summary>
    public string? PortSetting { get; internal set; }

    /// <summary>The port in use, once the host has started.</summary>
    public int? AllocatedPort { get; internal set; }

    public Uri Url => AllocatedPort is { } port
        ? new Uri($"http://127.0.0.1:{port}")
        : throw new InvalidOperationException($"The endpoint '{Name}' of '{ResourceName}' has no port until the host starts.");
}
