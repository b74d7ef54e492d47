using System.Globalization;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Local;

/// <summary>One PostgreSQL cluster on disk (<c>&lt;data&gt;/pgdata</c>): how it is created and how its server is started.</summary>
internal sealed record PostgresCluster(PostgresInstallation Installation, string DataDirectory, bool Durable, int MaxConnections)
{
    public string Directory => Path.Combine(DataDirectory, "pgdata");

    public string PidFile => Path.Combine(Directory, "postmaster.pid");

    public bool Exists => File.Exists(Path.Combine(Directory, "PG_VERSION"));

    /// <summary>Runs initdb with the superuser's password (scram-sha-256 for every connection).</summary>
    public async Task InitializeAsync(string name, StoredCredentials credentials, ServiceAccount account, CancellationToken cancellationToken)
    {
        if (System.IO.Directory.Exists(Directory))
        {
            // Left by an initdb that was interrupted: initdb refuses a non-empty directory, and nothing in it is data yet.
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        var passwordFile = Path.Combine(DataDirectory, "initdb-password");
        StoredCredentials.WriteSecret(passwordFile, credentials.Password);
        try
        {
            await account.GrantAsync(DataDirectory, cancellationToken);
            List<string> arguments =
            [
                "-D", Directory, "-U", credentials.Username, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8",
                // C.UTF-8 classifies every Unicode character (petitions are mostly Chinese) without depending on a generated locale.
                System.IO.Directory.Exists("/usr/lib/locale/C.utf8") ? "--locale=C.UTF-8" : "--locale=C",
            ];
            if (!Durable)
            {
                arguments.Add("--no-sync");
            }

            var (exitCode, output) = await Tool.RunAsync(Installation.InitDb, arguments, cancellationToken, account.UserName);
            if (exitCode != 0)
            {
                throw new HostingException(
                    $"initdb could not create the PostgreSQL cluster of '{name}' in {Directory} (exit code {exitCode}).",
                    output.Split('\n').TakeLast(20).ToList());
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>The postgres command line: in the foreground, TCP on loopback only.</summary>
    public List<string> ServerArguments(int port)
    {
        List<string> arguments =
        [
            "-D", Directory,
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // No socket file in /var/run/postgresql that another server (or the system's) might claim.
            "-c", "unix_socket_directories=",
            // One server holds a database per service (in tests, per test), each with its own connection pool.
            "-c", $"max_connections={MaxConnections.ToString(CultureInfo.InvariantCulture)}",
        ];
        if (!Durable)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return arguments;
    }
}
