namespace PetitionPlatform.Hosting.Local;

/// <summary>Where <see cref="LocalProcessProvider"/> finds the OS packages' programs, and how long it waits for them.</summary>
public sealed record LocalProcessProviderOptions
{
    /// <summary>The Debian layout: one folder per major version, each with a <c>bin/</c>; the highest version wins.</summary>
    public string PostgresInstallRoot { get; init; } = "/usr/lib/postgresql";

    /// <summary>The real server script; <c>/usr/sbin/rabbitmq-server</c> is a wrapper that switches user and redirects output.</summary>
    public string RabbitMqServerPath { get; init; } = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>Erlang's port mapper, or null to look in <c>/usr/bin</c> and <c>/usr/lib/erlang/erts-*/bin</c>.</summary>
    public string? EpmdPath { get; init; }

    /// <summary>Where data goes when the service user cannot reach the requested directory (host running as root).</summary>
    public string FallbackDataRoot { get; init; } = "/var/lib/petitionplatform";

    /// <summary>The OS users of the Debian packages; used only when the host runs as root.</summary>
    public string PostgresUser { get; init; } = "postgres";

    public string RabbitMqUser { get; init; } = "rabbitmq";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long a server may take to shut down gracefully before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
