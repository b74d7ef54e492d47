using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting;

/// <summary>Dependencies between resources: what a project is given, and what anything waits for.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Gives the project the source's connection string as <c>ConnectionStrings__&lt;source name&gt;</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<IResourceWithConnectionString> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Reference(builder, source.Resource);
    }

    /// <summary>Gives the project the source's endpoints as <c>services__&lt;source name&gt;__&lt;endpoint&gt;__0</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<IResourceWithEndpoints> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Reference(builder, source.Resource);
    }

    /// <summary>Starts this resource only once <paramref name="dependency"/> is ready (a project: healthy).</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        NotSelf(builder.Resource, dependency.Resource);
        Mutable(builder.Resource).AddWaitFor(dependency.Resource);
        return builder;
    }

    /// <summary>Sets an environment variable of the project; it wins over what references wire.</summary>
    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        builder.Resource.SetEnvironment(name, value);
        return builder;
    }

    private static IResourceBuilder<ProjectResource> Reference(IResourceBuilder<ProjectResource> builder, IResource source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        NotSelf(builder.Resource, source);
        builder.Resource.AddReference(source);
        return builder;
    }

    private static void NotSelf(IResource resource, IResource other)
    {
        if (ReferenceEquals(resource, other))
        {
            throw new ArgumentException($"'{resource.Name}' cannot depend on itself.", nameof(other));
        }
    }

    private static Resource Mutable(IResource resource) =>
        resource as Resource ?? throw new ArgumentException($"'{resource.Name}' is not a resource of this host.", nameof(resource));
}
