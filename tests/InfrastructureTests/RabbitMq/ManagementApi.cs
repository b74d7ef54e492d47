using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.InfrastructureTests.RabbitMq;

/// <summary>Reads from a node's management HTTP API with its administrator's credentials.</summary>
internal static class ManagementApi
{
    public static async Task<(int Status, JsonElement Body)> GetAsync(IRabbitMqServer server, string path)
    {
        using var client = new HttpClient { BaseAddress = server.ManagementUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{server.Username}:{server.Password}")));
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    public static async Task<List<string>> VirtualHostsAsync(IRabbitMqServer server)
    {
        var (status, body) = await GetAsync(server, "api/vhosts");
        Assert.Equal(200, status);
        return [.. body.EnumerateArray().Select(vhost => vhost.GetProperty("name").GetString()!)];
    }
}
