using System.Diagnostics.Metrics;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.Handling.Telemetry;

/// <summary>Handling's business instruments (meter <c>PetitionPlatform.Handling</c>), counted from committed events.</summary>
public sealed class HandlingMetrics : ICommittedEventObserver
{
    public const string MeterName = "PetitionPlatform.Handling";

    private readonly Counter<long> _opened;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _declined;
    private readonly Counter<long> _answered;
    private readonly Counter<long> _terminations;

    public HandlingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _opened = meter.CreateCounter<long>("petition.cases.opened", "{case}", "Cases opened at a unit, by stage and routing mode");
        _accepted = meter.CreateCounter<long>("petition.cases.accepted", "{case}", "Cases a unit accepted, by stage");
        _declined = meter.CreateCounter<long>("petition.cases.declined", "{case}", "Cases a unit declined as not its own, by stage");
        _answered = meter.CreateCounter<long>("petition.cases.answered", "{case}", "Written answers issued, by stage and outcome");
        _terminations = meter.CreateCounter<long>("petition.terminations", "{petition}",
            "Matters terminated after review or re-review, recorded in handling");
    }

    public void OnCommitted(object message)
    {
        switch (message)
        {
            case CaseOpened opened:
                _opened.Add(1, new KeyValuePair<string, object?>("stage", opened.Stage), new KeyValuePair<string, object?>("mode", opened.Mode));
                break;
            case CaseAccepted accepted:
                _accepted.Add(1, new KeyValuePair<string, object?>("stage", accepted.Stage));
                break;
            case CaseDeclined declined:
                _declined.Add(1, new KeyValuePair<string, object?>("stage", declined.Stage));
                break;
            case CaseAnswered answered:
                _answered.Add(1, new KeyValuePair<string, object?>("stage", answered.Stage), new KeyValuePair<string, object?>("outcome", answered.Outcome));
                break;
            case PetitionTerminated terminated:
                _terminations.Add(1, new KeyValuePair<string, object?>("reason", terminated.Reason));
                break;
        }
    }
}
