using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>A RabbitMQ node; services reference it for an AMQP connection string to its default virtual host.</summary>
public sealed class RabbitMQServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    public override string Kind => "RabbitMQ";

    public int? Port { get; internal set; }

    public string? Username { get; internal set; }

    public string? Password { get; internal set; }

    /// <summary>Whether the management UI is part of what the host shows for this resource.</summary>
    public bool ManagementEnabled { get; internal set; }

    public int? ManagementPort { get; internal set; }

    /// <summary>The running node, once started.</summary>
    public IRabbitMqServer? Server { get; internal set; }

    public override int? ProcessId => Server?.ProcessIds is [var main, ..] ? main : null;

    public string GetConnectionString() => Server?.ConnectionStringFor() ?? throw NotRunning();
}
