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
    /// For each region: the region itself, then its parent, … up to the province. Where the directory does not know a
    /// region, its parent is read from the code (<see cref="RegionCode.ParentByCode"/>), so a matter is never lost from
    /// the totals. Each region above them is looked up once: a province's petitions share their counties and cities.
    /// </summary>
    public async Task<Dictionary<string, IReadOnlyList<string>>> ChainsAsync(IEnumerable<string> regionCodes, CancellationToken ct)
    {
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        var chains = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var regionCode in regionCodes)
        {
            var chain = new List<string>();
            for (string? code = regionCode; code is not null && chain.Count < MaxDepth && !chain.Contains(code);)
            {
                chain.Add(code);
                if (!parents.TryGetValue(code, out var parent))
                {
                    parents[code] = parent = await ParentAsync(code, ct);
                }

                code = parent;
            }

            chains[regionCode] = chain;
        }

        return chains;
    }

    /// <summary>The region, or null when the directory does not know it. Throws <see cref="DirectoryUnavailableException"/>.</summary>
    public Task<DirectoryRegion?> FindAsync(string regionCode, CancellationToken ct) => directory.FindRegionAsync(regionCode, ct);

    private async Task<string?> ParentAsync(string code, CancellationToken ct) =>
        await FindAsync(code, ct) is { } region ? region.ParentCode : RegionCode.TryParse(code, out var known) ? known.ParentByCode?.Value : null;
}
