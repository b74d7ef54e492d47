using PetitionPlatform.Hosting.Dashboard.Telemetry;
using static PetitionPlatform.InfrastructureTests.Dashboard.Telemetry.Spans;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Telemetry;

public sealed class TraceStoreTests
{
    private static TraceStore Store(int spans = 100, int traces = 10) =>
        new(TelemetryLimits.Default with { Spans = spans, Traces = traces });

    [Fact]
    public void Spans_from_several_batches_are_grouped_by_their_trace()
    {
        var store = Store();
        store.Add([Span(1, 1), Span(2, 10)]);
        store.Add([Span(1, 2, parent: 1, service: "routing"), Span(2, 11, parent: 10)]);

        Assert.Equal([SpanId(1), SpanId(2)], store.Find(TraceId(1))!.Select(s => s.SpanId));
        Assert.Equal([SpanId(10), SpanId(11)], store.Find(TraceId(2))!.Select(s => s.SpanId));
        Assert.Null(store.Find(TraceId(3)));
    }

    [Fact]
    public void A_child_arriving_before_its_parent_is_placed_under_it_once_the_parent_comes()
    {
        var store = Store();
        store.Add([Span(1, 3, parent: 2, service: "notification", startMs: 20)]);

        var early = TraceViews.Detail(store.Find(TraceId(1))!, []);
        Assert.Equal([(SpanId(3), 0)], early.Spans.Select(s => (s.SpanId, s.Depth)));

        store.Add([Span(1, 2, parent: 1, service: "routing", startMs: 10, durationMs: 30), Span(1, 1, service: "gateway", durationMs: 60)]);

        var whole = TraceViews.Detail(store.Find(TraceId(1))!, []);
        Assert.Equal([(SpanId(1), 0), (SpanId(2), 1), (SpanId(3), 2)], whole.Spans.Select(s => (s.SpanId, s.Depth)));
        Assert.Equal("gateway", whole.Trace.RootService);
        Assert.Equal([0.0, 10, 20], whole.Spans.Select(s => s.StartOffsetMs));
    }

    [Fact]
    public void A_span_sent_twice_is_held_once()
    {
        var store = Store();
        store.Add([Span(1, 1)]);
        store.Add([Span(1, 1)]);

        Assert.Single(store.Find(TraceId(1))!);
        Assert.Equal(1, store.SpanCount);
    }

    [Fact]
    public void Past_the_trace_limit_the_least_recently_added_to_trace_goes()
    {
        var store = Store(traces: 2);
        store.Add([Span(1, 1)]);
        store.Add([Span(2, 2)]);
        store.Add([Span(1, 3, parent: 1)]); // trace 1 is touched again, so trace 2 is now the stalest
        store.Add([Span(3, 4)]);

        Assert.NotNull(store.Find(TraceId(1)));
        Assert.Null(store.Find(TraceId(2)));
        Assert.NotNull(store.Find(TraceId(3)));
        Assert.Equal(3, store.SpanCount);
    }

    [Fact]
    public void Past_the_span_limit_whole_old_traces_go_until_the_count_fits()
    {
        var store = Store(spans: 4);
        store.Add([Span(1, 1), Span(1, 2, parent: 1), Span(2, 3)]);
        store.Add([Span(3, 4), Span(3, 5, parent: 4)]);

        Assert.Null(store.Find(TraceId(1)));
        Assert.NotNull(store.Find(TraceId(2)));
        Assert.Equal(2, store.Find(TraceId(3))!.Count);
        Assert.Equal(3, store.SpanCount);
    }

    [Fact]
    public void One_trace_larger_than_the_span_limit_keeps_its_first_spans_and_counts_the_rest_as_dropped()
    {
        var store = Store(spans: 2);
        store.Add([Span(1, 1), Span(1, 2, parent: 1), Span(1, 3, parent: 1)]);

        Assert.Equal([SpanId(1), SpanId(2)], store.Find(TraceId(1))!.Select(s => s.SpanId));
        Assert.Equal(1, store.DroppedSpans);
    }

    [Fact]
    public void Concurrent_exports_lose_no_span_and_never_exceed_the_limit()
    {
        var store = Store(spans: 1000, traces: 1000);
        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 500; i++)
            {
                store.Add([Span(worker * 1000 + i, 1)]);
            }
        });

        Assert.Equal(1000, store.SpanCount);
        Assert.Equal(1000, store.All().Count);
    }
}
