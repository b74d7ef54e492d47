using System.Diagnostics.Metrics;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Telemetry;

/// <summary>Supervision's business instruments (meter <c>PetitionPlatform.Supervision</c>), counted from committed events.</summary>
public sealed class SupervisionMetrics : ICommittedEventObserver
{
    private readonly Counter<long> _notices;
    private readonly Counter<long> _overdueClocks;

    public SupervisionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(SupervisionTelemetry.Name);
        _notices = meter.CreateCounter<long>("petition.notices.issued", "{notice}",
            "Supervision notices issued, by kind (reminder, overdue, escalation, alert) and the clock or warning rule");
        // Each clock gets one overdue notice (the notices' unique keys see to it), so this counts clocks that ran late.
        _overdueClocks = meter.CreateCounter<long>("petition.clocks.overdue", "{clock}",
            "Deadline clocks that ran past their deadline, by stage");
    }

    public void OnCommitted(object message)
    {
        if (message is not SupervisionNoticeIssued notice)
        {
            return;
        }

        _notices.Add(1, new KeyValuePair<string, object?>("kind", notice.Kind), new KeyValuePair<string, object?>("stage", notice.Stage));
        if (notice.Kind == NoticeKinds.Overdue)
        {
            _overdueClocks.Add(1, new KeyValuePair<string, object?>("stage", notice.Stage));
        }
    }
}
