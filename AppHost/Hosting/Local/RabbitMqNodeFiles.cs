using System.Globalization;
using System.Text;

namespace PetitionPlatform.Hosting.Local;

/// <summary>
/// Everything that makes one local RabbitMQ node independent of the system's: its own configuration, plugin list, node
/// name, ports, Erlang port mapper, database, logs and cookie, all inside its data directory. Each variable here was
/// tried against RabbitMQ 3.10 with Erlang 25.
/// </summary>
internal sealed record RabbitMqNodeFiles(string Directory, string Name)
{
    /// <summary>The management plugin serves the UI and the API that readiness and virtual hosts use; shovel lets an operator move messages out of error queues from that UI.</summary>
    public const string EnabledPlugins = "[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management].";

    public string ConfigFile => Path.Combine(Directory, "rabbitmq.conf");

    public string PidFile => Path.Combine(Directory, "rabbitmq.pid");

    public string EpmdPidFile => Path.Combine(Directory, "epmd.pid");

    public string LogDirectory => Path.Combine(Directory, "log");

    /// <summary>Stable per data directory: the database lives in <c>mnesia/&lt;node name&gt;</c>, so a new name would mean a new, empty broker.</summary>
    public string NodeName => $"{SafeName}@localhost";

    /// <summary>Matches the node's command line (<c>-home &lt;dir&gt; …</c>), to recognise a node an earlier run left behind.</summary>
    public string CommandLineMarker => $"-home {Directory} ";

    private string SafeName => new([.. Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);

    public void Write(StoredCredentials credentials, int amqpPort, int managementPort)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "mnesia"));
        System.IO.Directory.CreateDirectory(LogDirectory);
        var config = new StringBuilder()
            .AppendLine("# Written by the PetitionPlatform host on every start; edit the host, not this file.")
            .AppendLine(CultureInfo.InvariantCulture, $"listeners.tcp.1 = 127.0.0.1:{amqpPort}")
            .AppendLine("management.tcp.ip = 127.0.0.1")
            .AppendLine(CultureInfo.InvariantCulture, $"management.tcp.port = {managementPort}")
            .AppendLine(CultureInfo.InvariantCulture, $"default_user = {credentials.Username}")
            .AppendLine(CultureInfo.InvariantCulture, $"default_pass = {credentials.Password}")
            // The node listens on loopback only; the generated administrator must be usable from there, not only as 'guest'.
            .AppendLine("loopback_users = none")
            // Logs go to standard output, where the host shows them as the resource's log; no colour codes in them.
            .AppendLine("log.console = true")
            .AppendLine("log.console.level = info")
            .AppendLine("log.console.use_colors = off")
            .AppendLine("log.file = false")
            .ToString();
        StoredCredentials.WriteSecret(ConfigFile, config);
        File.WriteAllText(Path.Combine(Directory, "enabled_plugins"), EnabledPlugins + "\n");
        // Empty on purpose: it stands in for /etc/rabbitmq/rabbitmq-env.conf, which the server script would otherwise read.
        File.WriteAllText(Path.Combine(Directory, "rabbitmq-env.conf"), string.Empty);
    }

    public Dictionary<string, string> Environment(int amqpPort, int distributionPort, int epmdPort) => new()
    {
        // The Erlang cookie is created in HOME.
        ["HOME"] = Directory,
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Invariant(amqpPort),
        ["RABBITMQ_DIST_PORT"] = Invariant(distributionPort),
        ["ERL_EPMD_PORT"] = Invariant(epmdPort),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = LogDirectory,
        ["RABBITMQ_CONFIG_FILE"] = ConfigFile,
        // Deliberately absent files: the system's advanced.config and rabbitmq-env.conf must not apply to this node.
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(Directory, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(Directory, "rabbitmq-env.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Directory, "enabled_plugins"),
        ["RABBITMQ_PID_FILE"] = PidFile,
        // The distribution listener would otherwise bind every interface.
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        ["ERL_CRASH_DUMP"] = Path.Combine(LogDirectory, "erl_crash.dump"),
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
