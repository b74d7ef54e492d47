using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Startup;

namespace PetitionPlatform.UnitTests.Messaging;

public sealed class RabbitMqAddressTests
{
    [Fact]
    public void Reads_credentials_port_and_escaped_virtual_host()
    {
        var address = RabbitMqAddress.Parse("amqp://petition:p%40ss@127.0.0.1:5673/tests%2Fintake", "messaging");
        Assert.Equal(new RabbitMqAddress("127.0.0.1", 5673, "tests/intake", "petition", "p@ss"), address);
    }

    [Theory]
    [InlineData("amqp://guest:guest@localhost:5672/")]
    [InlineData("amqp://guest:guest@localhost:5672")]
    public void No_path_means_the_default_virtual_host(string connectionString) =>
        Assert.Equal("/", RabbitMqAddress.Parse(connectionString, "messaging").VirtualHost);

    [Theory]
    [InlineData("localhost:5672")]
    [InlineData("http://localhost:15672")]
    [InlineData("Host=localhost")]
    public void Anything_but_an_amqp_uri_is_a_configuration_problem_named_by_its_key(string connectionString)
    {
        var failure = Assert.Throws<StartupFailureException>(() => RabbitMqAddress.Parse(connectionString, "messaging"));
        Assert.Contains("ConnectionStrings:messaging", failure.Message, StringComparison.Ordinal);
    }
}
