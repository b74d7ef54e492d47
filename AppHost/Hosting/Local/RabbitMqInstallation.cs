namespace PetitionPlatform.Hosting.Local;

/// <summary>The RabbitMQ server script and Erlang's port mapper of the installed Debian packages.</summary>
internal sealed record RabbitMqInstallation(string ServerScript, string Epmd)
{
    public static RabbitMqInstallation Locate(LocalProcessProviderOptions options)
    {
        if (!File.Exists(options.RabbitMqServerPath))
        {
            throw Prerequisite.Missing("RabbitMQ", options.RabbitMqServerPath, "rabbitmq-server");
        }

        var epmd = options.EpmdPath is not null
            ? (File.Exists(options.EpmdPath) ? options.EpmdPath : null)
            : FindEpmd();
        return epmd is null
            ? throw Prerequisite.Missing("Erlang's epmd", options.EpmdPath ?? "/usr/bin/epmd", "rabbitmq-server")
            : new RabbitMqInstallation(options.RabbitMqServerPath, epmd);
    }

    private static string? FindEpmd()
    {
        if (File.Exists("/usr/bin/epmd"))
        {
            return "/usr/bin/epmd";
        }

        const string erlang = "/usr/lib/erlang";
        return Directory.Exists(erlang)
            ? Directory.GetDirectories(erlang, "erts-*").Select(d => Path.Combine(d, "bin", "epmd")).Where(File.Exists).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
    }
}
