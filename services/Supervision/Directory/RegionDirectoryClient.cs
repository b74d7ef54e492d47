using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using PetitionPlatform.Supervision.Domain.Indicators;

namespace PetitionPlatform.Supervision.Directory;

/// <summary>
/// Asks routing, which owns the directory, for regions and their parents, so that indicators roll up along the real
/// chain (a Chongqing district sits directly under the municipality). Regions hardly ever change: answers are cached.
/// </summary>
public sealed class RegionDirectoryClient(HttpClient http, IMemoryCache cache)
{
    private static readonly TimeSpan s_cacheFor = TimeSpan.FromMinutes(30);

    /// <summary>Guards against a directory whose parents loop; real chains have at most four levels.</summary>
    private const int MaxDepth = 8;

    /// <summary>
    /// The region itself, then its parent, … up to the province. Where the directory does not know a region, its
    /// parent is read from the code (<see cref="RegionParents.FromCode"/>), so a matter is never lost from the totals.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChainAsync(string regionCode, CancellationToken ct)
    {
        var chain = new List<string>();
        for (string? code = regionCode; code is not null && chain.Count < MaxDepth && !chain.Contains(code);)
        {
            chain.Add(code);
            var region = await FindAsync(code, ct);
            code = region is null ? RegionParents.FromCode(code) : region.ParentCode;
        }

        return chain;
    }

    /// <summary>The region, or null when the directory does not know it. Throws <see cref="DirectoryUnavailableException"/> when routing cannot answer.</summary>
    public async Task<DirectoryRegion?> FindAsync(string regionCode, CancellationToken ct)
    {
        var key = $"region:{regionCode}";
        if (cache.TryGetValue(key, out DirectoryRegion? known))
        {
            return known;
        }

        try
        {
            using var response = await http.GetAsync($"/api/routing/regions/{Uri.EscapeDataString(regionCode)}", ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                // Unknown regions are cached too: the same petitions ask about them on every query.
                cache.Set<DirectoryRegion?>(key, null, s_cacheFor);
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new DirectoryUnavailableException(new HttpRequestException($"routing answered {(int)response.StatusCode} for region {regionCode}"));
            }

            var region = await response.Content.ReadFromJsonAsync<DirectoryRegion>(ct)
                ?? throw new DirectoryUnavailableException(new HttpRequestException($"routing answered nothing for region {regionCode}"));
            cache.Set(key, region, s_cacheFor);
            return region;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            throw new DirectoryUnavailableException(e);
        }
    }
}
