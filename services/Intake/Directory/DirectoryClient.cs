using System.Net;
using Microsoft.Extensions.Caching.Memory;

namespace PetitionPlatform.Intake.Directory;

/// <summary>
/// Asks routing, which owns the directory, whether a region, an organisation or a topic exists. Answers are cached
/// for a while: the directory changes rarely, and registration should not cost three calls each time.
/// </summary>
public sealed class DirectoryClient(HttpClient http, IMemoryCache cache)
{
    private static readonly TimeSpan s_cacheFor = TimeSpan.FromMinutes(10);

    public Task<bool> RegionExistsAsync(string regionCode, CancellationToken ct) =>
        ExistsAsync($"/api/routing/regions/{Uri.EscapeDataString(regionCode)}", ct);

    /// <summary>Organisation ids are '&lt;regionCode&gt;/&lt;unit&gt;'; the slash is part of the path on purpose.</summary>
    public Task<bool> OrganizationExistsAsync(string orgId, CancellationToken ct) =>
        ExistsAsync($"/api/routing/organizations/{string.Join('/', orgId.Split('/').Select(Uri.EscapeDataString))}", ct);

    public Task<bool> TopicExistsAsync(string topic, CancellationToken ct) =>
        ExistsAsync($"/api/routing/topics/{Uri.EscapeDataString(topic)}", ct);

    private async Task<bool> ExistsAsync(string path, CancellationToken ct)
    {
        if (cache.TryGetValue(path, out bool known))
        {
            return known;
        }

        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(path, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new DirectoryUnavailableException(e);
        }

        using (response)
        {
            var exists = response.StatusCode switch
            {
                HttpStatusCode.OK => true,
                HttpStatusCode.NotFound => false,
                _ => throw new DirectoryUnavailableException(new HttpRequestException($"routing answered {(int)response.StatusCode}")),
            };
            // Only existence is cached; a missing entry is asked again, so a directory fix takes effect at once.
            if (exists)
            {
                cache.Set(path, true, s_cacheFor);
            }

            return exists;
        }
    }
}

/// <summary>Routing could not be asked; registration must not go ahead on unchecked references.</summary>
public sealed class DirectoryUnavailableException(Exception inner)
    : Exception("The directory (routing service) cannot be reached.", inner);
