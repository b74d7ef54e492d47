using System.Diagnostics;

namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>The named volumes that keep the container servers' data, one per server and data directory.</summary>
public static class ContainerVolumes
{
    /// <summary>Named after the data directory, so that deleting that directory is still how one starts afresh.</summary>
    public static string NameOf(string dataDirectory, string server) =>
        $"petitionplatform-{server}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..12]}";

    /// <summary>
    /// Removes the servers' volumes of a data directory that is being deleted (the tests' stacks, which keep no data).
    /// Quietly does nothing where there is no Docker engine or no such volume.
    /// </summary>
    public static void Remove(string dataDirectory, params string[] servers)
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", ["volume", "rm", "--force", .. servers.Select(s => NameOf(dataDirectory, s))])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            docker?.WaitForExit(TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No docker command: no volumes either.
        }
    }
}
