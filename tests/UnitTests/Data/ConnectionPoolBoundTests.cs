using Npgsql;
using PetitionPlatform.Data;

namespace PetitionPlatform.UnitTests.Data;

public sealed class ConnectionPoolBoundTests
{
    private const string AsTheAppHostGivesIt = "Host=localhost;Port=5432;Username=postgres;Password=secret;Database=intakedb";

    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_platforms_bound_and_keeps_the_rest()
    {
        var bounded = new NpgsqlConnectionStringBuilder(ServiceDatabaseExtensions.Bounded(AsTheAppHostGivesIt));

        Assert.Equal(ServiceDatabaseExtensions.DefaultMaxPoolSize, bounded.MaxPoolSize);
        Assert.Equal(("localhost", 5432, "intakedb", "secret"), (bounded.Host, bounded.Port, bounded.Database, bounded.Password));
    }

    [Theory]
    [InlineData("Maximum Pool Size=7")]
    [InlineData("maximum pool size=7")]
    [InlineData("MaxPoolSize=7")]
    public void A_pool_size_the_operator_wrote_is_kept(string setting)
    {
        var bounded = new NpgsqlConnectionStringBuilder(ServiceDatabaseExtensions.Bounded($"{AsTheAppHostGivesIt};{setting}"));

        Assert.Equal(7, bounded.MaxPoolSize);
    }
}
