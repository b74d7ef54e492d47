using System.Diagnostics.Metrics;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.Intake.Telemetry;

/// <summary>
/// Intake's business instruments (meter <c>PetitionPlatform.Intake</c>), counted from committed events so that a
/// refused or rolled-back registration never counts. Tags are vocabulary values only, never anything a person wrote.
/// </summary>
public sealed class IntakeMetrics : ICommittedEventObserver
{
    public const string MeterName = "PetitionPlatform.Intake";

    private readonly Counter<long> _registered;
    private readonly Counter<long> _duplicates;

    public IntakeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _registered = meter.CreateCounter<long>("petition.registered", "{petition}",
            "Petitions registered (routed onwards), by channel, kind and whether they repeat an answered matter");
        _duplicates = meter.CreateCounter<long>("petition.duplicates", "{submission}",
            "Submissions linked to an open matter or to a terminated one instead of being registered anew");
    }

    public void OnCommitted(object message)
    {
        switch (message)
        {
            case PetitionRegistered registered:
                _registered.Add(1,
                    new KeyValuePair<string, object?>("channel", registered.Channel),
                    new KeyValuePair<string, object?>("kind", registered.Kind),
                    new KeyValuePair<string, object?>("repeat", registered.RepeatOfPetitionId is not null));
                break;
            case DuplicateSubmissionLinked duplicate:
                _duplicates.Add(1,
                    new KeyValuePair<string, object?>("channel", duplicate.Channel),
                    new KeyValuePair<string, object?>("original", "open"));
                break;
            case TerminatedMatterResubmitted resubmitted:
                _duplicates.Add(1,
                    new KeyValuePair<string, object?>("channel", resubmitted.Channel),
                    new KeyValuePair<string, object?>("original", "terminated"));
                break;
        }
    }
}
