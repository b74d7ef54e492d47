using MassTransit;
using Microsoft.Extensions.Configuration;
using PetitionPlatform.Messaging;
using RabbitMQ.Client.Exceptions;

namespace PetitionPlatform.UnitTests.Messaging;

/// <summary>Which failures count against a message, and the delays between its redeliveries.</summary>
public sealed class RedeliveryRulesTests
{
    public static TheoryData<Exception> BrokerFailures => new()
    {
        new OperationCanceledException("the confirm did not come in time"),
        new TimeoutException(),
        new IOException("connection reset"),
        new RabbitMqConnectionException("the broker is unreachable"),
        new AlreadyClosedException(new RabbitMQ.Client.Events.ShutdownEventArgs(RabbitMQ.Client.ShutdownInitiator.Peer, 320, "CONNECTION_FORCED")),
        new InvalidOperationException("publish failed", new System.Net.Sockets.SocketException()),
    };

    [Theory]
    [MemberData(nameof(BrokerFailures))]
    public void A_failure_of_the_broker_or_the_way_to_it_is_not_the_message_s_fault(Exception failure) =>
        Assert.True(BrokerFaults.Caused(failure));

    [Fact]
    public void An_unreadable_message_is_its_own_fault()
    {
        Assert.False(BrokerFaults.Caused(new InvalidOperationException("Outbox row names unknown contract 'X'.")));
        Assert.False(BrokerFaults.Caused(new System.Text.Json.JsonException("'n' is an invalid start of a value.")));
    }

    [Fact]
    public void Without_configuration_the_delays_grow_from_seconds_to_half_an_hour()
    {
        var schedule = new ConsumerRetryOptions().Schedule;
        Assert.Equal(TimeSpan.FromSeconds(10), schedule[0]);
        Assert.Equal(TimeSpan.FromMinutes(30), schedule[^1]);
        Assert.True(schedule.Zip(schedule.Skip(1)).All(pair => pair.First < pair.Second));
        Assert.True(schedule.Aggregate(TimeSpan.Zero, (sum, delay) => sum + delay) >= TimeSpan.FromMinutes(45));
    }

    [Fact]
    public void Configured_delays_replace_the_defaults_instead_of_adding_to_them()
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delays:0"] = "00:00:01",
            ["Delays:1"] = "00:00:02",
        }).Build().Get<ConsumerRetryOptions>()!;

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], options.Schedule);
    }
}
