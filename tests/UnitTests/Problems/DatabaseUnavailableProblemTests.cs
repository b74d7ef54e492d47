using System.Net.Sockets;
using Npgsql;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.UnitTests.Problems;

/// <summary>Which failures are a database out of reach (503, try again) rather than a fault of ours (500).</summary>
public sealed class DatabaseUnavailableProblemTests
{
    [Fact]
    public void A_broken_connection_is_an_outage_even_when_wrapped() =>
        Assert.True(DatabaseUnavailableProblem.IsOutage(new InvalidOperationException("EF Core's wrapper",
            new NpgsqlException("Exception while reading from stream", new EndOfStreamException()))));

    [Fact]
    public void A_refused_connection_is_an_outage() =>
        Assert.True(DatabaseUnavailableProblem.IsOutage(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));

    [Fact]
    public void A_query_the_server_rejects_is_not() =>
        Assert.False(DatabaseUnavailableProblem.IsOutage(new PostgresException("relation does not exist", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable)));

    [Fact]
    public void Anything_else_is_not() => Assert.False(DatabaseUnavailableProblem.IsOutage(new InvalidOperationException("a bug")));
}
