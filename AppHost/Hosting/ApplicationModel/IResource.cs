namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>Something the host starts, waits for and stops: a server, a database, a project.</summary>
public interface IResource
{
    string Name { get; }

    /// <summary>What it is, for people: "PostgreSQL", "Project", …</summary>
    string Kind { get; }

    ResourceState State { get; }

    /// <summary>The main OS process while it runs (none for a database, which lives inside its server).</summary>
    int? ProcessId { get; }

    /// <summary>When it last started, or null if it never has.</summary>
    DateTimeOffset? StartedAt { get; }

    ResourceLogs Logs { get; }

    /// <summary>Resources that must be ready before this one starts.</summary>
    IReadOnlyList<IResource> WaitsFor { get; }

    /// <summary>Resources whose connection details this one is given.</summary>
    IReadOnlyList<IResource> References { get; }
}

/// <summary>A resource other resources connect to with a connection string (<c>ConnectionStrings__&lt;name&gt;</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string; only available while the resource runs.</summary>
    string GetConnectionString();
}

/// <summary>A resource other resources find through service discovery (<c>services__&lt;name&gt;__http__0</c>).</summary>
public interface IResourceWithEndpoints : IResource
{
    IReadOnlyList<HttpEndpoint> Endpoints { get; }
}

/// <summary>A resource that lives inside another (a database inside its server).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
