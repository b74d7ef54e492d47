using PetitionPlatform.ServiceDefaults.Startup;

namespace PetitionPlatform.Messaging;

/// <summary>The parts of an <c>amqp://user:pass@host:port/vhost</c> connection string (Aspire's RabbitMQ convention).</summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static RabbitMqAddress Parse(string connectionString, string name)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new StartupFailureException(
                $"ConnectionStrings:{name} must be an amqp:// URI such as amqp://user:password@localhost:5672/vhost.");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port),
            path.Length == 0 ? "/" : path,
            credentials[0].Length == 0 ? "guest" : Uri.UnescapeDataString(credentials[0]),
            credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "guest");
    }
}
