using System.Security.Cryptography;
using System.Text;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>
/// Labels on every container and volume the provider creates. Testcontainers' resource reaper (which would remove them
/// when the process dies) is unavailable without a registry, so the labels let the next run find what a killed process
/// left behind: its owner's process id on this machine, and for kept data the directory it belongs to.
/// </summary>
internal static class ContainerLabels
{
    public const string Owner = "io.petitionplatform.owner";

    public const string Machine = "io.petitionplatform.machine";

    public const string Server = "io.petitionplatform.server";

    public const string DataDirectory = "io.petitionplatform.data-directory";

    public static string ThisProcess { get; } = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ThisMachine { get; } = Environment.MachineName;

    /// <summary>A Docker volume name for a server's data in <paramref name="dataDirectory"/>: readable, and distinct per directory.</summary>
    public static string VolumeName(string serverName, string dataDirectory)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..12];
        var safe = new string([.. serverName.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        return $"petitionplatform-{(safe.Length > 0 ? safe : "server")}-{hash}";
    }
}
