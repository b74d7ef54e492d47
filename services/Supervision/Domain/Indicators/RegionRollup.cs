namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>The indicators of a region and of each of its direct child regions that has petitions in the period.</summary>
public sealed record RegionBreakdown(IndicatorSet Total, IReadOnlyList<ChildIndicators> Children);

public sealed record ChildIndicators(string RegionCode, IndicatorSet Indicators);

/// <summary>
/// Rolls petitions up along the region chain: a petition counts for the region where the matter arose and for every
/// region above it, and in the breakdown for the child of the asked region that lies on its chain.
/// </summary>
public static class RegionRollup
{
    /// <param name="chains">For each region code of the petitions: the code itself, then its parent, … up to the province.</param>
    public static RegionBreakdown Compute(
        string regionCode, IEnumerable<PetitionHistory> petitions, IReadOnlyDictionary<string, IReadOnlyList<string>> chains, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(petitions);
        ArgumentNullException.ThrowIfNull(chains);
        var members = new List<PetitionHistory>();
        var byChild = new SortedDictionary<string, List<PetitionHistory>>(StringComparer.Ordinal);
        foreach (var petition in petitions)
        {
            var chain = chains.GetValueOrDefault(petition.RegionCode) ?? [petition.RegionCode];
            var at = IndexOf(chain, regionCode);
            if (at < 0)
            {
                continue;
            }

            members.Add(petition);
            // A matter of the region itself (e.g. a city-level one) counts in the total but in no child.
            if (at > 0)
            {
                var child = chain[at - 1];
                if (!byChild.TryGetValue(child, out var list))
                {
                    byChild[child] = list = [];
                }

                list.Add(petition);
            }
        }

        return new RegionBreakdown(
            IndicatorRules.Compute(members, asOf),
            byChild.Select(c => new ChildIndicators(c.Key, IndicatorRules.Compute(c.Value, asOf))).ToList());
    }

    private static int IndexOf(IReadOnlyList<string> chain, string regionCode)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            if (chain[i] == regionCode)
            {
                return i;
            }
        }

        return -1;
    }
}
