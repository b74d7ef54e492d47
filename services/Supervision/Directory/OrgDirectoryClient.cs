using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Directory;

/// <summary>
/// Asks routing, which owns the directory, for a unit's superiors. Units and their parents change rarely and every
/// evaluation asks about the same few units, so answers are cached for a while.
/// </summary>
public sealed class OrgDirectoryClient(HttpClient http, IMemoryCache cache)
{
    private static readonly TimeSpan s_cacheFor = TimeSpan.FromMinutes(30);

    /// <summary>Guards against a directory whose parents loop; real chains have at most four levels.</summary>
    private const int MaxDepth = 8;

    /// <summary>The unit, then its superiors up to province level. A unit the directory does not know stands alone.</summary>
    public async Task<OrgChain> ChainAsync(string orgId, CancellationToken ct)
    {
        var units = new List<string> { orgId };
        var current = await FindAsync(orgId, ct);
        while (current?.ParentId is { } parent && units.Count < MaxDepth && !units.Contains(parent))
        {
            units.Add(parent);
            current = await FindAsync(parent, ct);
        }

        return new OrgChain(units);
    }

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

/// <summary>Routing's directory could not be asked; the notices that need a unit's superiors wait for the next run.</summary>
public sealed class DirectoryUnavailableException(Exception inner)
    : Exception("The directory (routing service) cannot be reached.", inner);
