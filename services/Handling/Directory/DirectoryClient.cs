using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Memory;

namespace PetitionPlatform.Handling.Directory;

/// <summary>
/// Asks routing, which owns the directory, for a unit and its <c>parentId</c>: the unit one level above reviews its
/// answers. Units change rarely, so found units are cached for a while; an unknown one is asked again next time.
/// </summary>
public sealed class DirectoryClient(HttpClient http, IMemoryCache cache)
{
    private static readonly TimeSpan s_cacheFor = TimeSpan.FromMinutes(10);

    /// <summary>The unit, or null when the directory does not know it. Throws <see cref="DirectoryUnavailableException"/> when routing cannot answer.</summary>
    public async Task<DirectoryOrganization?> FindAsync(string orgId, CancellationToken ct)
    {
        var key = $"org:{orgId}";
        if (cache.TryGetValue(key, out DirectoryOrganization? known))
        {
            return known;
        }

        // The slash of the id stays a path separator: routing serves /organizations/{regionCode}/{unit}.
        var path = $"/api/routing/organizations/{string.Join('/', orgId.Split('/').Select(Uri.EscapeDataString))}";
        try
        {
            using var response = await http.GetAsync(path, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new DirectoryUnavailableException(new HttpRequestException($"routing answered {(int)response.StatusCode} for {orgId}"));
            }

            var organization = await response.Content.ReadFromJsonAsync<DirectoryOrganization>(ct)
                ?? throw new DirectoryUnavailableException(new HttpRequestException($"routing answered nothing for {orgId}"));
            cache.Set(key, organization, s_cacheFor);
            return organization;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            throw new DirectoryUnavailableException(e);
        }
    }
}

/// <summary>A unit of routing's directory, as <c>GET /api/routing/organizations/{regionCode}/{unit}</c> serves it.</summary>
public sealed record DirectoryOrganization(string Id, string Name, string RegionCode, string Level, string Unit, string? ParentId);

/// <summary>Routing's directory could not be asked; a review is not opened at a unit nobody could confirm.</summary>
public sealed class DirectoryUnavailableException(Exception inner)
    : Exception("The directory (routing service) cannot be reached.", inner);
