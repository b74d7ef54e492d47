using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace PetitionPlatform.AppHost.Infrastructure.Local;

/// <summary>The Debian package's RabbitMQ node as a local process, with the management plugin; its administrator is <c>guest</c>.</summary>
public sealed class LocalRabbitMQResource(string name, string workingDirectory, string password)
    : ExecutableResource(name, "/bin/sh", workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";
    internal const string ManagementEndpointName = "management";
    internal const string UserName = "guest";

    public EndpointReference PrimaryEndpoint => field ??= new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{password}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}

public static class LocalRabbitMQExtensions
{
    /// <summary>
    /// The node and, as a resource of its own (<c>&lt;name&gt;-epmd</c>), the Erlang port mapper it registers with: in the
    /// foreground, so nothing daemonises and outlives the AppHost. Neither epmd nor the node's distribution port can sit
    /// behind DCP's proxy (Erlang's client rejects an epmd reply naming another port), so both get real free ports now.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, string password)
    {
        LocalScripts.RequireRabbitMq();
        var epmdPort = LocalPorts.Free();
        var epmdCheck = $"{name}-epmd_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(epmdCheck, _ => new EpmdHealthCheck(epmdPort), null, null));
        var server = new LocalRabbitMQResource(name, LocalScripts.WorkingDirectory(dataDirectory), password);
        var epmd = builder.AddExecutable($"{name}-epmd", "/bin/sh", server.WorkingDirectory,
                LocalScripts.RunAs(builder, "rabbitmq", dataDirectory, "epmd", "-address", "127.0.0.1", "-port", LocalPorts.Invariant(epmdPort)))
            .WithHealthCheck(epmdCheck)
            .WithParentRelationship(server);

        var connectionString = builder.ConnectionStringOf(server);
        var healthCheck = $"{name}_check";
        IConnection? connection = null;
        builder.Services.AddHealthChecks().AddRabbitMQ(
            async _ => connection ??= await new ConnectionFactory { Uri = new Uri(connectionString()) }.CreateConnectionAsync(), name: healthCheck);
        return builder.AddResource(server)
            .WithArgs(LocalScripts.RunAs(builder, "rabbitmq", dataDirectory, "/bin/sh", LocalScripts.Script(builder, "rabbitmq.sh"), dataDirectory))
            // Every message of every service passes this port: not through DCP's proxy (see LocalPorts).
            .WithEndpoint(name: LocalRabbitMQResource.EndpointName, scheme: "tcp", env: "RABBITMQ_NODE_PORT", port: LocalPorts.Free(), isProxied: false)
            .WithHttpEndpoint(name: LocalRabbitMQResource.ManagementEndpointName, env: "RABBITMQ_MANAGEMENT_PORT")
            .WithEnvironment("RABBITMQ_DIST_PORT", LocalPorts.Invariant(LocalPorts.Free()))
            .WithEnvironment("ERL_EPMD_PORT", LocalPorts.Invariant(epmdPort))
            .WithEnvironment("RABBITMQ_DEFAULT_USER", LocalRabbitMQResource.UserName)
            .WithEnvironment("RABBITMQ_DEFAULT_PASS", password)
            .WithHonestExitCode()
            .WithIconName("Server")
            .WithHealthCheck(healthCheck)
            .WaitFor(epmd);
    }

    /// <summary>Healthy when epmd answers a names request (a bare connect-and-close would make it log a protocol error).</summary>
    private sealed class EpmdHealthCheck(int port) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var client = new TcpClient(AddressFamily.InterNetwork);
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                var stream = client.GetStream();
                await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, cancellationToken);
                await stream.ReadExactlyAsync(new byte[4], cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                return HealthCheckResult.Unhealthy($"epmd does not answer on 127.0.0.1:{port}.", e);
            }
        }
    }
}
