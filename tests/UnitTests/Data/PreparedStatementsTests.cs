using Npgsql;
using PetitionPlatform.Data;

namespace PetitionPlatform.UnitTests.Data;

public sealed class PreparedStatementsTests
{
    [Fact]
    public void A_connection_string_that_does_not_say_gets_statements_prepared_and_keeps_the_rest()
    {
        var configured = new NpgsqlConnectionStringBuilder(
            ServiceDatabaseExtensions.WithPreparedStatements("Host=db.example;Port=5433;Database=intakedb;Username=intake;Password=s3cret"));

        Assert.True(configured.MaxAutoPrepare > 0, "statements are not prepared");
        Assert.Equal(("db.example", 5433, "intakedb", "intake", "s3cret"),
            (configured.Host, configured.Port, configured.Database, configured.Username, configured.Password));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Max Auto Prepare=7", 7)]
    public void A_connection_string_that_names_its_own_setting_keeps_it(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(ServiceDatabaseExtensions.WithPreparedStatements(connectionString)).MaxAutoPrepare);
}
