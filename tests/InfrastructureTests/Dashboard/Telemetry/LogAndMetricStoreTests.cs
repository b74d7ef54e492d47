using PetitionPlatform.Hosting.Dashboard.Telemetry;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Telemetry;

public sealed class LogAndMetricStoreTests
{
    private static readonly Dictionary<string, object?> NoAttributes = [];

    [Fact]
    public void The_log_store_keeps_the_newest_records_and_answers_newest_first()
    {
        var store = new LogStore(TelemetryLimits.Default with { Logs = 3 });
        store.Add(Enumerable.Range(1, 5).Select(Log));

        Assert.Equal(["5", "4", "3"], store.Query(_ => true, 10).Select(l => l.Body));
        Assert.Equal(["5"], store.Query(_ => true, 1).Select(l => l.Body));
        Assert.Equal(["4"], store.Query(l => l.Body == "4" || l.Body == "1", 10).Select(l => l.Body));
    }

    [Fact]
    public void Points_of_one_instrument_form_a_series_per_service_and_attribute_set()
    {
        var store = new MetricStore(TelemetryLimits.Default);
        store.Add(
        [
            Point("petition.registered", "intake", 1, 1, ("channel", "online")),
            Point("petition.registered", "intake", 2, 1, ("channel", "visit")),
            Point("petition.registered", "intake", 3, 2, ("channel", "online")),
            Point("routing.decisions", "routing", 1, 5),
        ]);

        var registered = store.Find("petition.registered", null)!;
        Assert.Equal(2, registered.Series.Count);
        Assert.Equal([1.0, 2], registered.Series.Single(s => (string?)s.Attributes["channel"] == "online").Points.Select(p => p.Value));
        Assert.Equal(["petition.registered", "routing.decisions"], store.Instruments().Select(i => i.Name));
        Assert.Empty(store.Find("petition.registered", "routing")!.Series);
        Assert.Null(store.Find("nothing", null));
    }

    [Fact]
    public void A_series_keeps_its_newest_points_and_ignores_a_retried_older_one()
    {
        var store = new MetricStore(TelemetryLimits.Default with { MetricPointsPerSeries = 3 });
        store.Add(Enumerable.Range(1, 5).Select(i => Point("m", "intake", i, i)));
        store.Add([Point("m", "intake", 2, 99), Point("m", "intake", 5, 50)]);

        Assert.Equal([3.0, 4, 50], store.Find("m", null)!.Series.Single().Points.Select(p => p.Value));
    }

    [Fact]
    public void Past_the_series_limit_the_series_updated_longest_ago_goes()
    {
        var store = new MetricStore(TelemetryLimits.Default with { MetricSeries = 2 });
        store.Add([Point("a", "intake", 1, 1), Point("b", "intake", 1, 1)]);
        store.Add([Point("a", "intake", 2, 2)]);
        store.Add([Point("c", "intake", 1, 1)]);

        Assert.Equal(["a", "c"], store.Instruments().Select(i => i.Name));
        Assert.Null(store.Find("b", null));
    }

    private static TelemetryLog Log(int n) =>
        new(Spans.Epoch.AddSeconds(n), "intake", "", LogSeverity.Info, null, n.ToString(System.Globalization.CultureInfo.InvariantCulture), NoAttributes, null, null);

    private static TelemetryMetricPoint Point(string name, string service, int second, double value, params (string Key, string Value)[] attributes) =>
        new(name, null, null, MetricType.Sum, true, service,
            attributes.ToDictionary(a => a.Key, a => (object?)a.Value),
            new MetricSample(Spans.Epoch.AddSeconds(second), value));
}
