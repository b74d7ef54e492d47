using PetitionPlatform.Contracts;

namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// What happens when a unit declines a matter (DOMAIN.md §5.3): the unit it names, if that is a real unit not yet
/// tried; else the classification list's fallback; else the common superior must decide (art. 24), so that a matter
/// is never bounced between units with nobody answerable. A report never leaves discipline inspection.
/// </summary>
public static class DeclineRules
{
    /// <summary>Two different units have refused it: a dispute between units, which the joint conference settles.</summary>
    public const int DeclinesMakingADispute = 2;

    public static DeclineOutcome Next(
        OrgDirectory directory,
        PetitionFacts facts,
        RoutePlan current,
        IReadOnlyCollection<string> triedOrgIds,
        int declines,
        string decliningOrgId,
        string reason,
        string? suggestedOrgId)
    {
        var declining = directory.FindOrganization(decliningOrgId)
            ?? throw new UnroutablePetitionException($"The declining unit '{decliningOrgId}' is not in the directory.");
        var said = $"declined by {declining.Id}: {reason}";

        var (candidate, why) = Suggested(directory, current, triedOrgIds, suggestedOrgId);
        if (candidate is null && Fallback(directory, facts, current, triedOrgIds) is { } fallback)
        {
            (candidate, why) = (fallback, $"{(why is null ? "" : why + "; ")}the classification list's fallback for {facts.Topic} is {fallback.Unit}");
        }

        if (candidate is not null)
        {
            var path = current.Path.ToList();
            foreach (var step in new[] { declining.Id, candidate.Id })
            {
                if (path[^1] != step)
                {
                    path.Add(step);
                }
            }

            var mode = current.Confidential ? RoutingModes.ForwardToDiscipline : RoutingModes.Transfer;
            return new DeclineOutcome.Rerouted(new RoutePlan(
                mode, candidate, path, [], current.Confidential, $"{said}; {why}; transferred to {candidate.Id}.", null, null));
        }

        var decider = Decider(directory, declining, current.Confidential, declines);
        return new DeclineOutcome.DecisionRequired(decider.Id,
            $"{said}; {why ?? "no unit was suggested"}; no other candidate is left, so {decider.Id} must decide.");
    }

    /// <summary>
    /// The common superior: the petition bureau one level above the declining unit; once units dispute the matter, the
    /// joint conference office of that level; for a report, discipline inspection one level up. At province level
    /// (nobody above) the province's own joint conference, or its discipline inspection for a report.
    /// </summary>
    public static Organization Decider(OrgDirectory directory, Organization declining, bool confidential, int declines)
    {
        var own = directory.FindRegion(declining.RegionCode)!;
        var above = directory.Parent(own);
        if (confidential)
        {
            return (above is null ? null : directory.At(above.Code, Units.Discipline)) ?? directory.At(own.Code, Units.Discipline) ?? declining;
        }

        if (above is null)
        {
            return directory.At(own.Code, Units.JointConference) ?? declining;
        }

        var unit = declines >= DeclinesMakingADispute ? Units.JointConference : Units.PetitionBureau;
        return directory.At(above.Code, unit) ?? directory.At(above.Code, Units.PetitionBureau)!;
    }

    private static (Organization? Candidate, string? Why) Suggested(
        OrgDirectory directory, RoutePlan current, IReadOnlyCollection<string> tried, string? suggestedOrgId)
    {
        if (string.IsNullOrWhiteSpace(suggestedOrgId))
        {
            return (null, null);
        }

        var suggested = directory.FindOrganization(suggestedOrgId);
        if (suggested is null)
        {
            return (null, $"the suggested {suggestedOrgId} is not in the directory");
        }

        if (tried.Contains(suggested.Id))
        {
            return (null, $"the suggested {suggested.Id} has already had the matter");
        }

        return current.Confidential && suggested.Unit != Units.Discipline
            ? (null, $"the suggested {suggested.Id} is outside discipline inspection and may not see a report")
            : (suggested, $"suggested {suggested.Id}");
    }

    private static Organization? Fallback(OrgDirectory directory, PetitionFacts facts, RoutePlan current, IReadOnlyCollection<string> tried)
    {
        if (directory.FindTopic(facts.Topic)?.FallbackUnit is not { } unit || current.Confidential)
        {
            return null;
        }

        var place = directory.FindRegion(facts.RegionCode) ?? directory.FindRegion(current.Responsible.RegionCode)!;
        var anchor = directory.CountyOf(place) ?? place;
        return directory.At(anchor.Code, unit) is { } fallback && !tried.Contains(fallback.Id) ? fallback : null;
    }
}
