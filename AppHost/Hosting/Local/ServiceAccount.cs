using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Local;

/// <summary>
/// The OS user a server runs as. PostgreSQL refuses to run as root, and the Debian packages give each server a user of its
/// own; so a host running as root runs each server as the package's user (and hands it its data directory), while a host
/// running as anyone else runs the servers as itself.
/// </summary>
internal sealed class ServiceAccount
{
    private ServiceAccount(string? userName) => UserName = userName;

    /// <summary>The user to switch to, or null to run as the host's own user.</summary>
    public string? UserName { get; }

    public static async Task<ServiceAccount> ForAsync(string packageUser, string package, CancellationToken cancellationToken)
    {
        if (!Signals.IsRoot)
        {
            return new ServiceAccount(null);
        }

        var (exitCode, _) = await Tool.RunAsync("id", ["-u", packageUser], cancellationToken);
        return exitCode == 0
            ? new ServiceAccount(packageUser)
            : throw new HostingException($"The OS user '{packageUser}' does not exist; reinstall it with 'apt-get install --reinstall {package}'.");
    }

    /// <summary>Whether this user can reach (traverse to) <paramref name="directory"/>, or the nearest part of its path that exists.</summary>
    public async Task<bool> CanReachAsync(string directory, CancellationToken cancellationToken)
    {
        if (UserName is null)
        {
            return true;
        }

        var existing = Path.GetFullPath(directory);
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing) ?? "/";
        }

        var (exitCode, _) = await Tool.RunAsync("test", ["-x", existing, "-a", "-w", existing], cancellationToken, UserName);
        if (exitCode == 0 || existing == Path.GetFullPath(directory))
        {
            return exitCode == 0;
        }

        // The directory will be created by the host and handed over, so only the way there has to be open.
        (exitCode, _) = await Tool.RunAsync("test", ["-x", existing], cancellationToken, UserName);
        return exitCode == 0;
    }

    /// <summary>Makes this user the owner of everything in <paramref name="directory"/>.</summary>
    public async Task GrantAsync(string directory, CancellationToken cancellationToken)
    {
        if (UserName is null)
        {
            return;
        }

        var (exitCode, output) = await Tool.RunAsync("chown", ["-R", $"{UserName}:", directory], cancellationToken);
        if (exitCode != 0)
        {
            throw new HostingException($"Could not give {directory} to the OS user '{UserName}': {output}.");
        }
    }
}
