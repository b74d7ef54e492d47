using PetitionPlatform.Contracts;

namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// A superior (or the bureau that routed it) sends a petition to another unit by hand, typically answering a
/// RoutingDecisionRequired. The law limits it: litigation matters are not handled as petitions, and a report stays
/// within discipline inspection.
/// </summary>
public static class RerouteRules
{
    /// <summary>The new route, or the reason the law does not allow it (a 409 for the caller).</summary>
    /// <param name="awaitingDecisionBy">The superior a disputed matter waits for (RoutingDecisionRequired), if any.</param>
    public static (RoutePlan? Plan, string? Refusal) Decide(
        RoutePlan current, string? awaitingDecisionBy, Organization to, Organization by, string reason)
    {
        var awaitingDecision = awaitingDecisionBy is not null;
        if (current.Mode == RoutingModes.GuideToLegal)
        {
            return (null, "The matter belongs to litigation and was guided into the legal procedure; no unit handles it as a petition.");
        }

        if (current.Confidential && to.Unit != Units.Discipline)
        {
            return (null, $"The matter is a confidential report: it may only go to discipline inspection, not to {to.Id}.");
        }

        if (current.Confidential && by.Unit != Units.Discipline)
        {
            return (null, $"The matter is a confidential report: only discipline inspection may reroute it, not {by.Id}.");
        }

        if (awaitingDecision && by.Id != awaitingDecisionBy)
        {
            // A dispute between units is settled by their common superior (or the joint conference), not by a party to it.
            return (null, $"The units' dispute over the matter is for {awaitingDecisionBy} to decide, not {by.Id}.");
        }

        if (!awaitingDecision && current.Responsible.Id == to.Id)
        {
            return (null, $"{to.Id} is already responsible for the matter.");
        }

        var path = current.Path.ToList();
        foreach (var step in new[] { by.Id, to.Id })
        {
            if (path[^1] != step)
            {
                path.Add(step);
            }
        }

        var mode = current.Confidential ? RoutingModes.ForwardToDiscipline : RoutingModes.Transfer;
        return (new RoutePlan(mode, to, path, [], current.Confidential, $"rerouted by {by.Id}: {reason}; transferred to {to.Id}.", null, null), null);
    }
}
