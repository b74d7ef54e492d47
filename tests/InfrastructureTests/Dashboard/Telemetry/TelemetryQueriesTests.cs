using PetitionPlatform.Hosting.Dashboard.Telemetry;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Telemetry;

public sealed class TelemetryQueriesTests
{
    [Theory]
    [InlineData("status", "failed", null, null)]
    [InlineData("minDurationMs", null, "-1", null)]
    [InlineData("minDurationMs", null, "soon", null)]
    [InlineData("limit", null, null, "0")]
    [InlineData("limit", null, null, "5000")]
    public void A_bad_trace_query_names_the_parameter(string field, string? status, string? minDurationMs, string? limit)
    {
        var (query, errors) = TelemetryQueries.Traces(null, status, minDurationMs, null, limit);

        Assert.Null(query);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Without_parameters_a_trace_query_takes_the_newest_hundred()
    {
        var (query, errors) = TelemetryQueries.Traces(" ", "", "", null, null);

        Assert.Empty(errors);
        Assert.Equal(new TraceQuery(null, null, null, null, TelemetryQueries.DefaultLimit), query);
    }

    [Theory]
    [InlineData("4BF92F3577B34DA6A3CE929D0E0E4736", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("  4bf92f3577b34da6a3ce929d0e0e4736\n", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e473", null)]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e473g", null)]
    [InlineData("00000000000000000000000000000000", null)]
    [InlineData("0HNA1B2C3D4E5:00000001", null)]
    [InlineData(null, null)]
    public void Trace_ids_are_read_as_the_gateway_and_traceparent_write_them(string? text, string? expected) =>
        Assert.Equal(expected, TelemetryQueries.NormalizeTraceId(text));

    [Fact]
    public void A_log_query_checks_trace_id_and_severity()
    {
        var (query, errors) = TelemetryQueries.Logs(null, "nope", "loud", null);

        Assert.Null(query);
        Assert.Equal(["minSeverity", "traceId"], errors.Keys.Order());
    }

    [Fact]
    public void A_log_query_keeps_records_at_or_above_the_severity_of_the_service_and_trace()
    {
        var query = TelemetryQueries.Logs("intake", "4BF92F3577B34DA6A3CE929D0E0E4736", "warning", "10").Query!;
        TelemetryLog Log(string service, LogSeverity severity, string? trace) =>
            new(Spans.Epoch, service, "", severity, null, "m", new Dictionary<string, object?>(), trace, null);

        Assert.True(query.Matches(Log("intake", LogSeverity.Error, "4bf92f3577b34da6a3ce929d0e0e4736")));
        Assert.False(query.Matches(Log("intake", LogSeverity.Info, "4bf92f3577b34da6a3ce929d0e0e4736")));
        Assert.False(query.Matches(Log("routing", LogSeverity.Error, "4bf92f3577b34da6a3ce929d0e0e4736")));
        Assert.False(query.Matches(Log("intake", LogSeverity.Error, null)));
        Assert.Equal(10, query.Limit);
    }
}
