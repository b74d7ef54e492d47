using Microsoft.Extensions.Configuration;
using PetitionPlatform.Hosting;
using PetitionPlatform.Hosting.Dashboard;
using PetitionPlatform.Hosting.Dashboard.Telemetry;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Telemetry;

public sealed class TelemetryLimitsTests
{
    [Fact]
    public void Limits_come_from_the_dashboard_section_and_default_when_absent()
    {
        var settings = DashboardSettings.From(Configuration(("Dashboard:Port", "18888"), ("Dashboard:Limits:Spans", "1234"), ("Dashboard:Limits:Logs", "99")));

        Assert.Equal(TelemetryLimits.Default with { Spans = 1234, Logs = 99 }, settings.TelemetryLimits);
    }

    [Theory]
    [InlineData("Spans", "0")]
    [InlineData("MetricPointsPerSeries", "-5")]
    public void A_limit_that_is_not_positive_stops_the_host_with_the_key_named(string key, string value)
    {
        var failure = Assert.Throws<HostingException>(() => DashboardSettings.From(Configuration(($"Dashboard:Limits:{key}", value))));

        Assert.Contains($"Dashboard:Limits:{key}", failure.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
