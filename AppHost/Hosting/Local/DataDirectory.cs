using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PetitionPlatform.Hosting.Local;

/// <summary>Decides where a server's data lives.</summary>
internal static class DataDirectory
{
    /// <summary>
    /// The requested directory, created and handed to the service account. When the host runs as root inside a folder
    /// the service user cannot reach (a repository under /root, mode 0700), the data goes to
    /// <c>&lt;fallback root&gt;/&lt;hash of the requested path&gt;/&lt;name&gt;</c> instead: loosening the permissions
    /// of someone's home directory is not the host's call, and the hash keeps the place stable so the next run finds the
    /// same data again.
    /// </summary>
    public static async Task<string> PrepareAsync(
        string requested, string name, ServiceAccount account, string fallbackRoot, ILogger logger, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(requested);
        if (!await account.CanReachAsync(directory, cancellationToken))
        {
            var fallback = Path.Combine(fallbackRoot, StableHash(directory), name);
            LocalLog.DataDirectoryRelocated(logger, name, account.UserName ?? Environment.UserName, directory, fallback);
            directory = fallback;
        }

        Directory.CreateDirectory(directory);
        await account.GrantAsync(directory, cancellationToken);
        return directory;
    }

    private static string StableHash(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16];
}
