namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>The indicators of a region and of each of its direct child regions that has petitions in the period.</summary>
public sealed record RegionBreakdown(IndicatorSet Total, IReadOnlyList<ChildIndicators> Children);

public sealed record ChildIndicators(string RegionCode, IndicatorSet Indicators);

/// <summary>Counts of the petitions of one region where the matter arose (one petition's part, or the sum of many).</summary>
public sealed record RegionCounts(string RegionCode, IndicatorSet Counts);

/// <summary>
/// Rolls counts up along the region chain: a petition counts for the region where the matter arose and for every
/// region above it, and in the breakdown for the child of the asked region that lies on its chain.
/// </summary>
public static class RegionRollup
{
    /// <param name="chains">For each region code of the petitions: the code itself, then its parent, … up to the province.</param>
    public static RegionBreakdown Compute(
        string regionCode, IEnumerable<PetitionHistory> petitions, IReadOnlyDictionary<string, IReadOnlyList<string>> chains, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(petitions);
        return Compute(regionCode, petitions.Select(p => new RegionCounts(p.RegionCode, PetitionIndicators.Of(p).At(asOf))), chains);
    }

    /// <param name="counts">Parts to add up, several per region code as they come (a part may also take back one added before).</param>
    /// <param name="chains">For each region code of the counts: the code itself, then its parent, … up to the province.</param>
    public static RegionBreakdown Compute(
        string regionCode, IEnumerable<RegionCounts> counts, IReadOnlyDictionary<string, IReadOnlyList<string>> chains)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(chains);
        var total = IndicatorSet.Empty;
        var byChild = new SortedDictionary<string, IndicatorSet>(StringComparer.Ordinal);
        foreach (var (code, part) in counts)
        {
            var chain = chains.GetValueOrDefault(code) ?? [code];
            var at = IndexOf(chain, regionCode);
            if (at < 0)
            {
                continue;
            }

            total += part;
            // A matter of the region itself (e.g. a city-level one) counts in the total but in no child.
            if (at > 0)
            {
                var child = chain[at - 1];
                byChild[child] = byChild.GetValueOrDefault(child, IndicatorSet.Empty) + part;
            }
        }

        return new RegionBreakdown(
            total,
            [.. byChild.Where(c => c.Value.Petitions > 0).Select(c => new ChildIndicators(c.Key, c.Value))]);
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
