using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting;

public static class RabbitMQBuilderExtensions
{
    /// <summary>
    /// Adds a RabbitMQ node; its data is kept in <c>&lt;data directory&gt;/&lt;name&gt;</c> between runs. Without a
    /// username and password, credentials are generated on first start and kept with the data.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, string? userName = null, string? password = null, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if ((userName is null) != (password is null))
        {
            throw new ArgumentException("Give both a RabbitMQ username and a password, or neither.", nameof(password));
        }

        return builder.AddResource(new RabbitMQServerResource(name) { Username = userName, Password = password, Port = port });
    }

    /// <summary>
    /// Shows the management UI (with the shovel plugin for moving messages out of error queues) among the host's endpoints.
    /// The local provider always runs the plugin, because readiness and virtual hosts go through its API.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerResource> WithManagementPlugin(this IResourceBuilder<RabbitMQServerResource> builder, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.ManagementEnabled = true;
        builder.Resource.ManagementPort = port;
        return builder;
    }
}
