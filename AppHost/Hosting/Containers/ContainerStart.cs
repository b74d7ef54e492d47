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

    /// <summary>Host names Testcontainers reports for a local engine, as the loopback address the rest of the host uses.</summary>
    public static string LoopbackFor(string hostname) =>
        hostname is "localhost" or "::1" ? "127.0.0.1" : hostname;

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
