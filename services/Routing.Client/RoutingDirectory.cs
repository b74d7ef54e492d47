using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using PetitionPlatform.ServiceDefaults.Paging;
using PetitionPlatform.ServiceDefaults.Resilience;

namespace PetitionPlatform.Routing.Client;

/// <summary>
/// Routing's directory (regions, units, the classification list) as the other services read it, through routing's
/// public endpoints. The directory changes rarely and the same few entries are asked about again and again, so
/// answers are cached: entries found for ten minutes, entries not found for one (a fix to the directory shows soon).
/// </summary>
public sealed class RoutingDirectory(HttpClient http, IMemoryCache cache)
{
    private static readonly TimeSpan s_found = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_notFound = TimeSpan.FromMinutes(1);

    /// <summary>The unit, or null when the directory does not know it. Throws <see cref="DirectoryUnavailableException"/>.</summary>
    public Task<DirectoryOrganization?> FindOrganizationAsync(string orgId, CancellationToken ct) =>
        // The slash of the id stays a path separator: routing serves /organizations/{regionCode}/{unit}.
        GetAsync<DirectoryOrganization>($"/api/routing/organizations/{string.Join('/', orgId.Split('/').Select(Uri.EscapeDataString))}", ct);

    /// <summary>The region, or null when the directory does not know it. Throws <see cref="DirectoryUnavailableException"/>.</summary>
    public Task<DirectoryRegion?> FindRegionAsync(string regionCode, CancellationToken ct) =>
        GetAsync<DirectoryRegion>($"/api/routing/regions/{Uri.EscapeDataString(regionCode)}", ct);

    /// <summary>The entry of the classification list, or null. Throws <see cref="DirectoryUnavailableException"/>.</summary>
    public Task<DirectoryTopic?> FindTopicAsync(string topic, CancellationToken ct) =>
        GetAsync<DirectoryTopic>($"/api/routing/topics/{Uri.EscapeDataString(topic)}", ct);

    /// <summary>Every region of the directory, read afresh, page by page. Throws <see cref="DirectoryUnavailableException"/>.</summary>
    public Task<IReadOnlyList<DirectoryRegion>> ListRegionsAsync(CancellationToken ct) =>
        ListAllAsync<DirectoryRegion>($"/api/routing/regions?limit={PageRequest.MaxLimit}", ct);

    /// <summary>
    /// Every region of the directory by code, read page by page and then kept like an entry found (ten minutes): what
    /// walks many regions' chains at once (a province's indicators) asks once instead of once per region.
    /// Throws <see cref="DirectoryUnavailableException"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DirectoryRegion>> RegionsByCodeAsync(CancellationToken ct)
    {
        const string key = "regions by code";
        if (cache.TryGetValue(key, out IReadOnlyDictionary<string, DirectoryRegion>? known) && known is not null)
        {
            return known;
        }

        var regions = (await ListRegionsAsync(ct)).ToDictionary(r => r.Code, StringComparer.Ordinal);
        cache.Set<IReadOnlyDictionary<string, DirectoryRegion>>(key, regions, s_found);
        return regions;
    }

    /// <summary>The units of a region, read afresh, page by page. Throws <see cref="DirectoryUnavailableException"/>.</summary>
    public Task<IReadOnlyList<DirectoryOrganization>> ListOrganizationsAsync(string regionCode, CancellationToken ct) =>
        ListAllAsync<DirectoryOrganization>($"/api/routing/organizations?regionCode={Uri.EscapeDataString(regionCode)}&limit={PageRequest.MaxLimit}", ct);

    /// <summary>Every item of a paged list: the first page, then each page its <c>Link</c> header names.</summary>
    private async Task<IReadOnlyList<T>> ListAllAsync<T>(string path, CancellationToken ct)
    {
        var items = new List<T>();
        try
        {
            for (var next = path; next is not null;)
            {
                using var response = await http.GetAsync(next, ct);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    // A region the directory does not know has no units.
                    break;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new DirectoryUnavailableException(new HttpRequestException($"routing answered {(int)response.StatusCode} for {next}"));
                }

                items.AddRange(await response.Content.ReadFromJsonAsync<List<T>>(ct) ?? []);
                next = PageLinks.NextOf(response);
            }
        }
        catch (Exception e) when ((ServiceCallFailures.IsUnreachable(e) || e is JsonException) && !ct.IsCancellationRequested)
        {
            throw new DirectoryUnavailableException(e);
        }

        return items;
    }

    private async Task<T?> GetAsync<T>(string path, CancellationToken ct, bool cached = true) where T : class
    {
        if (cached && cache.TryGetValue(path, out T? known))
        {
            return known;
        }

        try
        {
            using var response = await http.GetAsync(path, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                cache.Set<T?>(path, null, s_notFound);
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new DirectoryUnavailableException(new HttpRequestException($"routing answered {(int)response.StatusCode} for {path}"));
            }

            var entry = await response.Content.ReadFromJsonAsync<T>(ct)
                ?? throw new DirectoryUnavailableException(new HttpRequestException($"routing answered nothing for {path}"));
            cache.Set(path, entry, s_found);
            return entry;
        }
        catch (Exception e) when ((ServiceCallFailures.IsUnreachable(e) || e is JsonException) && !ct.IsCancellationRequested)
        {
            throw new DirectoryUnavailableException(e);
        }
    }
}

/// <summary>Routing could not be asked; nothing may go ahead on a reference nobody could confirm.</summary>
public sealed class DirectoryUnavailableException(Exception inner)
    : Exception("The directory (routing service) cannot be reached.", inner);
