using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>
/// Chooses every project's ports before anything starts: projects then know each other's addresses up front, and a fixed
/// port that is taken fails the run before a single process was started.
/// </summary>
internal static class EndpointAllocator
{
    public static void Allocate(IEnumerable<ProjectResource> projects)
    {
        foreach (var endpoint in projects.SelectMany(p => p.Endpoints))
        {
            endpoint.AllocatedPort = endpoint.Port switch
            {
                null or 0 => TcpPorts.GetFree(),
                { } port when TcpPorts.IsAvailable(port) => port,
                { } port => throw new HostingException(endpoint.PortSetting is { } setting
                    ? $"Port {port} is in use; stop the other process or run with --{setting}=<port>."
                    : $"Port {port} of '{endpoint.ResourceName}' is in use; stop the other process or choose another port."),
            };
        }
    }
}
