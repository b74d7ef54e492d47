using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>The order resources start in (and, reversed, stop in).</summary>
internal static class ResourceGraph
{
    /// <summary>
    /// What must be ready before <paramref name="resource"/> starts: what it waits for, the server it lives in, and what it
    /// takes a connection string from (that exists only once the server runs). A project's address is chosen before
    /// anything starts, so referencing a project alone does not wait for it.
    /// </summary>
    public static IReadOnlyList<IResource> StartDependencies(IResource resource)
    {
        var dependencies = resource.WaitsFor.Concat(resource.References.OfType<IResourceWithConnectionString>());
        if (resource is IResourceWithParent child)
        {
            dependencies = dependencies.Append(child.Parent);
        }

        return [.. dependencies.Distinct()];
    }

    /// <summary>
    /// Resources grouped by how deep their dependencies go: everything in one layer can start in parallel once the layers
    /// before it are ready, and stops before the layers before it.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<IResource>> Layers(IReadOnlyList<IResource> resources)
    {
        var known = resources.ToHashSet();
        foreach (var resource in resources)
        {
            var stranger = StartDependencies(resource).Concat(resource.References).FirstOrDefault(d => !known.Contains(d));
            if (stranger is not null)
            {
                throw new HostingException($"'{resource.Name}' depends on '{stranger.Name}', which was not added to this application.");
            }
        }

        var depth = new Dictionary<IResource, int>();
        var remaining = resources.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(r => StartDependencies(r).All(depth.ContainsKey)).ToList();
            if (ready.Count == 0)
            {
                var names = string.Join(", ", remaining.Select(r => $"'{r.Name}'"));
                throw new HostingException($"The resources {names} wait for each other in a cycle; remove one of their WaitFor or WithReference calls.");
            }

            foreach (var resource in ready)
            {
                depth[resource] = StartDependencies(resource).Select(d => depth[d] + 1).DefaultIfEmpty(0).Max();
                remaining.Remove(resource);
            }
        }

        return [.. resources.GroupBy(r => depth[r]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<IResource>)[.. g])];
    }
}
