using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Telemetry;
using PetitionPlatform.Supervision.Telemetry;

namespace PetitionPlatform.UnitTests.Telemetry;

/// <summary>Which committed events each service's meter counts, and under which tags.</summary>
public sealed class BusinessMetricsTests : IDisposable
{
    private static readonly Guid s_petition = Guid.Parse("01a20976-5331-757d-a230-f7695f1e7251");
    private static readonly DateTimeOffset s_at = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];

    public BusinessMetricsTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        // Only this test's meters: other tests running beside it record on meters of the same names.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    [Fact]
    public void A_registration_is_counted_by_channel_kind_and_repeat()
    {
        var metrics = new IntakeMetrics(_services.GetRequiredService<IMeterFactory>());

        metrics.OnCommitted(new PetitionRegistered(s_petition, "130724-20261123-00001", "letter", "report", "corruption",
            "130724102", "130000/petition-bureau", 1, s_at, "hash", RepeatOfPetitionId: Guid.NewGuid()));
        metrics.OnCommitted(new PetitionerReceiptRequested(s_petition, "130724-20261123-00001", "AB12-CD34-EF56-GH78", "letter", s_at));

        var (instrument, value, tags) = Assert.Single(_measurements);
        Assert.Equal(("petition.registered", 1L), (instrument, value));
        Assert.Equal(("letter", "report", true), (tags["channel"], tags["kind"], tags["repeat"]));
    }

    [Fact]
    public void An_overdue_notice_counts_a_notice_and_an_overdue_clock_a_reminder_only_a_notice()
    {
        var metrics = new SupervisionMetrics(_services.GetRequiredService<IMeterFactory>());

        metrics.OnCommitted(Notice("overdue"));
        metrics.OnCommitted(Notice("reminder"));

        Assert.Equal(
            [("petition.notices.issued", "overdue"), ("petition.clocks.overdue", null), ("petition.notices.issued", "reminder")],
            _measurements.Select(m => (m.Instrument, m.Tags.GetValueOrDefault("kind") as string)));
        Assert.All(_measurements, m => Assert.Equal("handling", m.Tags["stage"]));
    }

    private static SupervisionNoticeIssued Notice(string kind) =>
        new(s_petition, Guid.NewGuid(), kind, "130724/hrss", [], "handling", Guid.NewGuid(), s_at, 0, "reason", null, s_at);

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
