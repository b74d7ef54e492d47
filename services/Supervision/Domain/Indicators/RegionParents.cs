namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>
/// The parent of a GB/T 2260 code read from the code alone, for regions the directory does not list: a township's
/// county (first six digits), a county's city (…00), a city's province (..0000). The directory's own parent wins where
/// it knows the region (Chongqing's districts sit directly under the municipality, not under 500100).
/// </summary>
public static class RegionParents
{
    public static string? FromCode(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.Length == 9)
        {
            return regionCode[..6];
        }

        if (regionCode.Length != 6 || regionCode.EndsWith("0000", StringComparison.Ordinal))
        {
            return null;
        }

        return regionCode.EndsWith("00", StringComparison.Ordinal) ? $"{regionCode[..2]}0000" : $"{regionCode[..4]}00";
    }
}
