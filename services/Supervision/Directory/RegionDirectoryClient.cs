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
    /// The region itself, then its parent, … up to the province. Where the directory does not know a region, its
    /// parent is read from the code (<see cref="RegionCode.ParentByCode"/>), so a matter is never lost from the totals.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChainAsync(string regionCode, CancellationToken ct)
    {
        var chain = new List<string>();
        for (string? code = regionCode; code is not null && chain.Count < MaxDepth && !chain.Contains(code);)
        {
            chain.Add(code);
            var region = await FindAsync(code, ct);
            code = region is not null ? region.ParentCode : RegionCode.TryParse(code, out var known) ? known.ParentByCode?.Value : null;
        }

        return chain;
    }

    /// <summary>The region, or null when the directory does not know it. Throws <see cref="DirectoryUnavailableException"/>.</summary>
    public Task<DirectoryRegion?> FindAsync(string regionCode, CancellationToken ct) => directory.FindRegionAsync(regionCode, ct);
}
