namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>How to start one RabbitMQ node; its data lives in <paramref name="DataDirectory"/> across runs.</summary>
public sealed record RabbitMqServerOptions(string Name, string DataDirectory)
{
    /// <summary>A fixed AMQP port, or null for a free one.</summary>
    public int? AmqpPort { get; init; }

    /// <summary>A fixed port for the management UI and API, or null for a free one.</summary>
    public int? ManagementPort { get; init; }

    /// <summary>The administrator's name, or null to generate credentials on first start and keep them in the data directory.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Receives every line the node (and its epmd) writes.</summary>
    public Action<OutputLine>? Output { get; init; }
}
