using PetitionPlatform.Hosting.Containers;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.InfrastructureTests.RabbitMq;
using PetitionPlatform.InfrastructureTests.Support;

namespace PetitionPlatform.InfrastructureTests.Containers;

/// <summary>The container provider's RabbitMQ, stopped and started as the broker-outage test does.</summary>
public sealed class ContainerRabbitMqTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    [DockerFact]
    public async Task A_restarted_container_keeps_ports_credentials_and_virtual_hosts_and_dispose_removes_it()
    {
        var server = await Docker.Provider().StartRabbitMqAsync(
            new RabbitMqServerOptions("messaging", _directory.Combine("messaging")), CancellationToken.None);
        var containerId = ((ContainerRabbitMqServer)server).ContainerId;
        try
        {
            var before = (server.AmqpPort, server.ManagementPort, server.Username, server.Password);
            Assert.Equal($"amqp://{server.Username}:{server.Password}@127.0.0.1:{server.AmqpPort}/", server.ConnectionStringFor());
            Assert.Equal(200, (await ManagementApi.GetAsync(server, "api/shovels")).Status);
            await server.CreateVirtualHostAsync("kept", CancellationToken.None);

            await server.StopAsync(CancellationToken.None);
            Assert.Empty(server.ProcessIds);
            Assert.False(await TcpPorts.AcceptsConnectionsAsync(server.AmqpPort, CancellationToken.None));
            await server.StartAsync(CancellationToken.None);

            Assert.Equal(before, (server.AmqpPort, server.ManagementPort, server.Username, server.Password));
            Assert.Single(server.ProcessIds);
            Assert.Contains("kept", await ManagementApi.VirtualHostsAsync(server));
            Assert.Equal("after the outage", await Amqp.RoundTripAsync(server.ConnectionStringFor("kept"), "after the outage"));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.Null(await Docker.LabelsAsync(containerId));
    }

    public void Dispose() => _directory.Dispose();
}
