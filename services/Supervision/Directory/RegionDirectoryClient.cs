using PetitionPlatform.Contracts;
using PetitionPlatform.Routing.Client;

namespace PetitionPlatform.Supervision.Directory;

/// <summary>
/// Regions and their parents from routing's directory, so that indicators roll up along the real chain (a Chongqing
/// district sits directly under the municipality).
/// </summary>
public sealed class RegionDirectoryClient(RoutingDirectory directory)
{
    /// <summary>Guards against a directory whose parents loop; real chains have at most four levels.</summary>
    private const int MaxDepth = 8;

    /// <summary>
    /// For each region: the region itself, then its parent, … up to the province, from the directory's regions read at
    /// once (a province's petitions may name thousands of towns; asked one by one they cost a call each whenever the
    /// cache had let them go). Throws <see cref="DirectoryUnavailableException"/>.
    /// </summary>
    public async Task<Dictionary<string, IReadOnlyList<string>>> ChainsAsync(IEnumerable<string> regionCodes, CancellationToken ct)
    {
        var regions = await directory.RegionsByCodeAsync(ct);
        return regionCodes.Distinct(StringComparer.Ordinal).ToDictionary(code => code, code => ChainOf(code, regions), StringComparer.Ordinal);
    }

    /// <summary>
    /// The region, then its parent, … up to the province. Where the directory does not list a region, its parent is read
    /// from the code (<see cref="RegionCode.ParentByCode"/>), so a matter is never lost from the totals.
    /// </summary>
    public static IReadOnlyList<string> ChainOf(string regionCode, IReadOnlyDictionary<string, DirectoryRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var chain = new List<string>();
        for (string? code = regionCode; code is not null && chain.Count < MaxDepth && !chain.Contains(code);)
        {
            chain.Add(code);
            code = regions.TryGetValue(code, out var region) ? region.ParentCode
                : RegionCode.TryParse(code, out var known) ? known.ParentByCode?.Value : null;
        }

        return chain;
    }

    /// <summary>The region, or null when the directory does not know it. Throws <see cref="DirectoryUnavailableException"/>.</summary>
    public Task<DirectoryRegion?> FindAsync(string regionCode, CancellationToken ct) => directory.FindRegionAsync(regionCode, ct);
}
