using PetitionPlatform.Hosting.Dashboard.Telemetry;
using static PetitionPlatform.InfrastructureTests.Dashboard.Telemetry.Spans;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Telemetry;

public sealed class TraceViewsTests
{
    [Fact]
    public void A_summary_names_the_root_the_services_the_errors_the_duration_and_the_petitions()
    {
        IReadOnlyList<TelemetrySpan> spans =
        [
            Span(1, 1, service: "gateway", startMs: 0, durationMs: 50),
            Span(1, 2, parent: 1, service: "intake", startMs: 5, durationMs: 30, petitionId: "p-7"),
            Span(1, 3, parent: 2, service: "routing", startMs: 40, durationMs: 80, status: SpanStatus.Error, petitionId: "p-7"),
        ];

        var summary = TraceViews.Summarize(spans);

        Assert.Equal((TraceId(1), "span 1", "gateway"), (summary.TraceId, summary.RootName, summary.RootService));
        Assert.Equal(["gateway", "intake", "routing"], summary.Services);
        Assert.Equal((3, 1), (summary.SpanCount, summary.ErrorCount));
        Assert.Equal(120, summary.DurationMs, precision: 6);
        Assert.Equal(["p-7"], summary.PetitionIds);
    }

    [Fact]
    public void Siblings_follow_their_parent_in_start_order()
    {
        IReadOnlyList<TelemetrySpan> spans =
        [
            Span(1, 1, startMs: 0, durationMs: 100),
            Span(1, 2, parent: 1, startMs: 10),
            Span(1, 4, parent: 2, startMs: 12),
            Span(1, 3, parent: 1, startMs: 30),
        ];

        var detail = TraceViews.Detail(spans, []);

        Assert.Equal([(SpanId(1), 0), (SpanId(2), 1), (SpanId(4), 2), (SpanId(3), 1)], detail.Spans.Select(s => (s.SpanId, s.Depth)));
    }

    [Theory]
    [InlineData(null, null, null, 1)]
    [InlineData("routing", null, null, 1)]
    [InlineData("handling", null, null, 0)]
    [InlineData(null, "error", null, 1)]
    [InlineData(null, "ok", null, 0)]
    [InlineData(null, null, "120", 1)]
    [InlineData(null, null, "121", 0)]
    public void The_list_filters_by_service_status_and_duration(string? service, string? status, string? minDurationMs, int expected)
    {
        var summary = TraceViews.Summarize(
        [
            Span(1, 1, service: "gateway", durationMs: 50),
            Span(1, 2, parent: 1, service: "routing", startMs: 40, durationMs: 80, status: SpanStatus.Error),
        ]);
        var (query, errors) = TelemetryQueries.Traces(service, status, minDurationMs, null, null);

        Assert.Empty(errors);
        Assert.Equal(expected, query!.Matches(summary) ? 1 : 0);
    }

    [Fact]
    public void The_list_filters_by_petition_id()
    {
        var summary = TraceViews.Summarize([Span(1, 1, petitionId: "0f3c")]);

        Assert.True(TelemetryQueries.Traces(null, null, null, "0F3C", null).Query!.Matches(summary));
        Assert.False(TelemetryQueries.Traces(null, null, null, "other", null).Query!.Matches(summary));
    }
}
