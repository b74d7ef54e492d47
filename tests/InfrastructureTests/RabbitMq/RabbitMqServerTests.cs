using PetitionPlatform.TestSupport;

namespace PetitionPlatform.InfrastructureTests.RabbitMq;

[Collection(SharedInfrastructure.CollectionName)]
public sealed class RabbitMqServerTests(SharedInfrastructure infrastructure)
{
    [Fact]
    public async Task The_management_api_lists_a_created_virtual_host_with_full_permissions()
    {
        var server = infrastructure.RabbitMq;
        var name = $"listed-{Guid.NewGuid():N}";

        await server.CreateVirtualHostAsync(name, CancellationToken.None);

        Assert.Contains(name, await ManagementApi.VirtualHostsAsync(server));
        var (status, permissions) = await ManagementApi.GetAsync(server, $"api/permissions/{name}/{server.Username}");
        Assert.Equal(200, status);
        Assert.Equal(".*", permissions.GetProperty("write").GetString());
    }

    [Fact]
    public async Task An_amqp_connection_to_a_created_virtual_host_carries_messages()
    {
        var connectionString = await infrastructure.CreateVirtualHostAsync("amqp");

        Assert.Equal("petition registered", await Amqp.RoundTripAsync(connectionString, "petition registered"));
    }

    [Fact]
    public void Connection_strings_follow_the_amqp_uri_convention()
    {
        var server = infrastructure.RabbitMq;
        var root = $"amqp://{server.Username}:{server.Password}@127.0.0.1:{server.AmqpPort}/";

        Assert.Equal(root, server.ConnectionStringFor());
        Assert.Equal(root + "tests%2Fintake", server.ConnectionStringFor("tests/intake"));
    }

    [Fact]
    public async Task Shovel_management_is_available_for_moving_messages_out_of_error_queues()
    {
        var (status, _) = await ManagementApi.GetAsync(infrastructure.RabbitMq, "api/shovels");

        Assert.Equal(200, status);
    }
}
