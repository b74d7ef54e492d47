using DotNet.Testcontainers.Containers;
using Microsoft.Extensions.Logging;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>Removing a server's container when it is disposed.</summary>
internal static class ContainerRemoval
{
    /// <summary>
    /// Stops and removes the container with its anonymous volumes. Removing a volume holding a test run's hundreds of
    /// databases can outlast the Docker client's request timeout on a busy machine; the engine still completes it, so a
    /// timeout here is logged rather than thrown (it must not fail the test run that is cleaning up).
    /// </summary>
    public static async Task RemoveAsync(IContainer container, string serverName, ILogger logger)
    {
        string id;
        try
        {
            id = container.Id;
        }
        catch (InvalidOperationException)
        {
            // Never created: there is nothing to remove.
            await container.DisposeAsync();
            return;
        }

        try
        {
            await container.DisposeAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or TimeoutException)
        {
            ContainerLog.RemovalUnconfirmed(logger, serverName, id[..Math.Min(12, id.Length)], e);
        }
    }
}
