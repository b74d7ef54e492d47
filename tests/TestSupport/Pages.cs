using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.ServiceDefaults.Paging;

namespace PetitionPlatform.TestSupport;

/// <summary>Reads a paged list as an agency would: the first page, then each page the <c>Link: rel="next"</c> header names.</summary>
public static class Pages
{
    /// <summary>Every item, and how many pages held them.</summary>
    public static async Task<(List<JsonElement> Items, int Pages)> ReadAllAsync(HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        for (string? next = url; next is not null; pages++)
        {
            using var response = await client.GetAsync(next);
            response.EnsureSuccessStatusCode();
            items.AddRange((await response.Content.ReadFromJsonAsync<List<JsonElement>>())!);
            next = PageLinks.NextOf(response);
            if (pages > 1000)
            {
                throw new InvalidOperationException($"{url} keeps naming a next page.");
            }
        }

        return (items, pages);
    }
}
