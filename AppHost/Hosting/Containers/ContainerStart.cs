using System.Net;
using System.Net.NetworkInformation;
using DotNet.Testcontainers.Containers;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>Starting a container within the provider's time limit, with a failure an operator can act on.</summary>
internal static class ContainerStart
{
    /// <summary>
    /// Starts <paramref name="container"/> and waits for its module's readiness check (and <paramref name="ready"/>, if
    /// given). A timeout or a container that exits becomes a <see cref="HostingException"/> carrying its last log lines.
    /// </summary>
    public static async Task RunAsync(IContainer container, string serverName, TimeSpan timeout, Func<CancellationToken, Task>? ready, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await container.StartAsync(limit.Token);
            if (ready is not null)
            {
                await ready(limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HostingException(
                $"The container of '{serverName}' ({container.Image.FullName}) was not ready within {timeout.TotalSeconds:0} s; its last log lines follow.",
                await TailAsync(container));
        }
        catch (Exception e) when (e is not (OperationCanceledException or HostingException))
        {
            throw new HostingException(
                $"The container of '{serverName}' ({container.Image.FullName}) could not start: {e.Message}",
                await TailAsync(container),
                e);
        }
    }

    /// <summary>
    /// The address clients should use for a container's published ports: 127.0.0.1 (as the local provider, and as the
    /// services' connection strings expect) when Testcontainers' host name is this machine itself (e.g. "localhost", or
    /// the docker0 gateway it picks when it finds itself inside a container while the engine shares its network),
    /// otherwise the host name as given (a remote engine).
    /// </summary>
    public static string LoopbackFor(string hostname)
    {
        if (hostname is "localhost" || !IPAddress.TryParse(hostname, out var address))
        {
            return hostname is "localhost" ? "127.0.0.1" : hostname;
        }

        var local = IPAddress.IsLoopback(address) || NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(network => network.GetIPProperties().UnicastAddresses)
            .Any(unicast => unicast.Address.Equals(address));
        return local ? "127.0.0.1" : hostname;
    }

    private static async Task<IReadOnlyList<string>> TailAsync(IContainer container)
    {
        if (string.IsNullOrEmpty(container.Id))
        {
            return [];
        }

        try
        {
            var (stdout, stderr) = await container.GetLogsAsync(timestampsEnabled: false);
            return [.. $"{stdout}\n{stderr}".Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20)];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [$"(the container's log could not be read: {e.Message})"];
        }
    }
}
