using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Local;
using PetitionPlatform.InfrastructureTests.Support;

namespace PetitionPlatform.InfrastructureTests.RabbitMq;

/// <summary>A node of its own: the test stops and starts it, as a broker-outage test does.</summary>
public sealed class RabbitMqLifecycleTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    [Fact]
    public async Task A_restarted_node_keeps_ports_credentials_and_data_and_dispose_stops_every_process()
    {
        var server = await new LocalProcessProvider().StartRabbitMqAsync(
            new RabbitMqServerOptions("messaging", _directory.Combine("messaging")), CancellationToken.None);
        var before = (server.AmqpPort, server.ManagementPort, server.Username, server.Password);
        var processes = server.ProcessIds.ToList();
        Assert.Equal(3, processes.Count);
        await server.CreateVirtualHostAsync("kept", CancellationToken.None);

        await server.StopAsync(CancellationToken.None);
        Assert.Empty(server.ProcessIds);
        Assert.False(await TcpPorts.AcceptsConnectionsAsync(server.AmqpPort, CancellationToken.None));
        await server.StartAsync(CancellationToken.None);
        processes.AddRange(server.ProcessIds);

        Assert.Equal(before, (server.AmqpPort, server.ManagementPort, server.Username, server.Password));
        Assert.Contains("kept", await ManagementApi.VirtualHostsAsync(server));
        Assert.Equal("after the outage", await Amqp.RoundTripAsync(server.ConnectionStringFor("kept"), "after the outage"));

        await server.DisposeAsync();

        await OsProcesses.AssertGoneAsync(processes);
        Assert.Empty(OsProcesses.Mentioning(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();
}
