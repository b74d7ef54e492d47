using System.Globalization;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Orchestration;

namespace PetitionPlatform.Hosting.Dashboard.Resources;

/// <summary>One address a resource answers on; <see cref="Url"/> carries no credentials.</summary>
internal sealed record ResourceEndpoint(string Name, string Url);

/// <summary>A resource as the Resources view shows it, read at one moment.</summary>
/// <param name="Restarts">Projects only: starts after the first one.</param>
/// <param name="ExitCode">Projects only: the exit code of the last process once it has ended.</param>
/// <param name="Commands">What may be asked of it now (projects only; empty while it is busy).</param>
internal sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    int? Pid,
    IReadOnlyList<ResourceEndpoint> Endpoints,
    string? Parent,
    IReadOnlyList<string> WaitsFor,
    IReadOnlyList<string> References,
    int? Restarts,
    DateTimeOffset? StartedAt,
    int? ExitCode,
    ResourceHealth Health,
    IReadOnlyList<ResourceCommand> Commands)
{
    public static ResourceSnapshot Of(IResource resource, ResourceHealth health, bool hostStopping)
    {
        var project = resource as ProjectResource;
        return new ResourceSnapshot(
            resource.Name,
            resource.Kind,
            resource.State,
            resource.ProcessId,
            EndpointsOf(resource),
            (resource as IResourceWithParent)?.Parent.Name,
            [.. resource.WaitsFor.Select(r => r.Name)],
            [.. resource.References.Select(r => r.Name)],
            project?.Restarts,
            resource.StartedAt,
            project?.ExitCode,
            health,
            project is null ? [] : ResourceTransitions.Allowed(project, hostStopping));
    }

    private static List<ResourceEndpoint> EndpointsOf(IResource resource) => resource switch
    {
        ProjectResource project => [.. project.Endpoints
            .Where(e => e.AllocatedPort is not null)
            .Select(e => new ResourceEndpoint(e.Name, e.Url.GetLeftPart(UriPartial.Authority)))],
        PostgresServerResource { Server: { } server } => [new ResourceEndpoint("tcp", $"tcp://{server.Host}:{Port(server.Port)}")],
        RabbitMQServerResource { Server: { } server } rabbit => rabbit.ManagementEnabled
            ? [Amqp(server.Host, server.AmqpPort), new ResourceEndpoint("management", server.ManagementUri.GetLeftPart(UriPartial.Authority))]
            : [Amqp(server.Host, server.AmqpPort)],
        _ => [],
    };

    private static ResourceEndpoint Amqp(string host, int port) => new("amqp", $"amqp://{host}:{Port(port)}");

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
