using System.Net;
using System.Net.NetworkInformation;
using Docker.DotNet;
using DotNet.Testcontainers.Containers;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>Starting a container within the provider's time limit, with a failure an operator can act on.</summary>
internal static class ContainerStart
{
    /// <summary>
    /// Starts <paramref name="container"/> and waits for its module's readiness check (and <paramref name="ready"/>, if
    /// given). A timeout or a container that exits becomes a <see cref="HostingException"/> carrying its last log lines.
    /// </summary>
    /// <param name="imageKey">The setting that chooses the image, named in the failure when the image is what is missing.</param>
    public static async Task RunAsync(
        IContainer container, string serverName, string imageKey, TimeSpan timeout, Func<CancellationToken, Task>? ready, CancellationToken cancellationToken)
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
        catch (DockerApiException e) when (e is DockerImageNotFoundException || NeverCreated(container))
        {
            // Before the container exists the engine's only work is finding or pulling the image; its answer is the detail.
            throw new HostingException(
                $"The image {container.Image.FullName} for '{serverName}' is neither on this machine nor obtainable; build it with eng/images/build.sh and set {imageKey}, see docs/containers.md.",
                [e.Message.Trim()],
                e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or HostingException))
        {
            throw new HostingException(
                $"The container of '{serverName}' ({container.Image.FullName}) could not start ({e.GetType().Name}); the details and its last log lines follow.",
                [e.Message.Trim(), .. await TailAsync(container)],
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

    private static bool NeverCreated(IContainer container)
    {
        try
        {
            return string.IsNullOrEmpty(container.Id);
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static async Task<IReadOnlyList<string>> TailAsync(IContainer container)
    {
        try
        {
            var (stdout, stderr) = await container.GetLogsAsync(timestampsEnabled: false);
            return [.. $"{stdout}\n{stderr}".Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20)];
        }
        catch (InvalidOperationException)
        {
            // Never created (e.g. the image is missing): there is no log to show.
            return [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [$"(the container's log could not be read: {e.Message})"];
        }
    }
}
