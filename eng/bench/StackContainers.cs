using System.Diagnostics;
using PetitionPlatform.AppHost.Infrastructure;

namespace PetitionPlatform.Bench;

/// <summary>A container stack's servers, found by the volume the AppHost names after the data directory.</summary>
internal static class StackContainers
{
    /// <summary>The host's side of <paramref name="containerPort"/> of the container that keeps <paramref name="server"/>'s data, if it runs.</summary>
    public static async Task<int?> PublishedPortAsync(string dataDirectory, string server, int containerPort)
    {
        // The volume the AppHost named after the same data directory (its rule, linked in).
        var volume = ContainerVolumes.NameOf(Path.GetFullPath(dataDirectory), server);
        var container = (await DockerAsync("ps", "-q", "--filter", $"volume={volume}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (container is null)
        {
            return null;
        }

        // "0.0.0.0:49153" (and the same for IPv6).
        var published = (await DockerAsync("port", container, containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return published is not null && int.TryParse(published[(published.LastIndexOf(':') + 1)..], out var port) ? port : null;
    }

    private static async Task<string> DockerAsync(params string[] arguments)
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await docker.StandardOutput.ReadToEndAsync();
            await docker.WaitForExitAsync();
            return docker.ExitCode == 0 ? output : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ""; // no docker on this machine: not a container stack
        }
    }
}
