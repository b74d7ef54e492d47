namespace PetitionPlatform.AppHost.Infrastructure.Local;

/// <summary>Where the Debian packages' servers and the scripts that start them are.</summary>
internal static class LocalScripts
{
    private const string Prerequisites = "run eng/prerequisites.sh (it installs the Debian packages postgresql and rabbitmq-server)";

    /// <summary>The arguments of <c>/bin/sh</c> that run <paramref name="command"/> as <paramref name="user"/> (when root), owning <paramref name="directory"/>.</summary>
    public static string[] RunAs(IDistributedApplicationBuilder builder, string user, string directory, params string[] command) =>
        [Script(builder, "run-as.sh"), user, directory, .. command];

    /// <summary>A script of this folder, which stays in the source tree: local servers are a developer's and a test's affair.</summary>
    public static string Script(IDistributedApplicationBuilder builder, string name) =>
        Path.Combine(builder.AppHostDirectory, "Infrastructure", "Local", name);

    /// <summary>
    /// The folder that holds a server's data directory, made now (DCP needs a working directory that exists) and open to
    /// the servers' users, who must pass through it to their own.
    /// </summary>
    public static string WorkingDirectory(string dataDirectory)
    {
        var parent = Path.GetDirectoryName(dataDirectory)!;
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead |
                   UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        // The data root too: a test's temporary directory is created closed (0700).
        foreach (var directory in new[] { Path.GetDirectoryName(parent)!, parent })
        {
            Directory.CreateDirectory(directory, open);
            File.SetUnixFileMode(directory, open);
        }

        return parent;
    }

    public static void RequirePostgres() => Require("PostgreSQL", "/usr/lib/postgresql");

    public static void RequireRabbitMq() => Require("RabbitMQ", "/usr/lib/rabbitmq/bin/rabbitmq-server");

    private static void Require(string server, string path)
    {
        if (!Path.Exists(path))
        {
            throw new DistributedApplicationException($"{server} is not installed on this machine: {Prerequisites}.");
        }
    }
}
