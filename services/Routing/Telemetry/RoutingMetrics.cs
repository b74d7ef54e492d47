using System.Diagnostics.Metrics;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.Routing.Telemetry;

/// <summary>Routing's business instruments (meter <c>PetitionPlatform.Routing</c>), counted from committed events.</summary>
public sealed class RoutingMetrics : ICommittedEventObserver
{
    public const string MeterName = "PetitionPlatform.Routing";

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _awaitingDecision;
    private readonly Counter<long> _terminations;

    public RoutingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _decisions = meter.CreateCounter<long>("petition.routing.decisions", "{decision}",
            "Routing decisions, by mode and whether it was the first decision or a later one (after a decline or reroute)");
        _awaitingDecision = meter.CreateCounter<long>("petition.routing.referred", "{petition}",
            "Petitions declined repeatedly and referred to a superior to decide");
        _terminations = meter.CreateCounter<long>("petition.terminations", "{petition}",
            "Matters terminated by the political-legal organ, recorded in routing");
    }

    public void OnCommitted(object message)
    {
        switch (message)
        {
            case PetitionRouted routed:
                _decisions.Add(1,
                    new KeyValuePair<string, object?>("mode", routed.Mode),
                    new KeyValuePair<string, object?>("decision", routed.Attempt == 0 ? "first" : "again"));
                break;
            case RoutingDecisionRequired:
                _awaitingDecision.Add(1);
                break;
            case PetitionTerminated terminated:
                _terminations.Add(1, new KeyValuePair<string, object?>("reason", terminated.Reason));
                break;
        }
    }
}
