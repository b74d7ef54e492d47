using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting;

public static class ProjectResourceExtensions
{
    /// <summary>Adds a service project; <typeparamref name="TProject"/> is one of the generated <c>Projects.*</c> classes.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        AddProject(builder, name, new TProject());

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(metadata);
        return builder.AddResource(new ProjectResource(name, metadata));
    }

    /// <summary>
    /// Fixes the port of an HTTP endpoint (null or 0: a free port). <paramref name="portSetting"/> names the configuration
    /// key the port came from, so that a port already in use can be reported with the option that changes it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(
        this IResourceBuilder<ProjectResource> builder, int? port = null, string name = "http", string? portSetting = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 0 and 65535.");
        }

        var endpoint = builder.Resource.GetOrAddEndpoint(name);
        endpoint.Port = port;
        endpoint.PortSetting = portSetting;
        return builder;
    }

    /// <summary>The project is ready (for those that wait for it) once GET <paramref name="path"/> answers 200.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(this IResourceBuilder<ProjectResource> builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Resource.HealthCheckPath = path.StartsWith('/') ? path : "/" + path;
        return builder;
    }
}
