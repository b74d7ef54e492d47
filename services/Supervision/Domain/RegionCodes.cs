namespace PetitionPlatform.Supervision.Domain;

/// <summary>GB/T 2260 codes nest by prefix: 13 (Hebei) ⊃ 1307 (Zhangjiakou) ⊃ 130724 (Guyuan) ⊃ 130724102 (a town).</summary>
public static class RegionCodes
{
    /// <summary>The prefix every region under <paramref name="regionCode"/> (itself included) starts with.</summary>
    public static string PrefixOf(string regionCode)
    {
        if (regionCode.Length != 6)
        {
            return regionCode;
        }

        var prefix = regionCode;
        // Trailing "00" pairs of a six-digit code mark a city (4 digits significant) or a province (2).
        while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal))
        {
            prefix = prefix[..^2];
        }

        return prefix;
    }

    public static bool IsUnder(string orgId, string regionCode) =>
        OrgIds.RegionOf(orgId).StartsWith(PrefixOf(regionCode), StringComparison.Ordinal);
}
