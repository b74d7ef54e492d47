using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;

namespace PetitionPlatform.Gateway.Health;

public sealed record ServiceHealth(string Status, double DurationMs, JsonElement? Detail, string? Error);

/// <summary>
/// Asks every proxied service for its own <c>/health</c>, in parallel. Uses a plain client with a hard timeout:
/// the resilient default client would retry and turn a down service into a slow health page.
/// </summary>
public sealed class ServiceHealthProbe(IProxyStateLookup proxy, IOptions<GatewayOptions> options) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = options.Value.HealthTimeout,
    };

    public async Task<IReadOnlyDictionary<string, ServiceHealth>> ProbeAsync(CancellationToken ct)
    {
        var clusters = proxy.GetClusters().ToList();
        var results = await Task.WhenAll(clusters.Select(cluster => ProbeAsync(cluster, ct)));
        return clusters.Select(c => c.ClusterId).Zip(results).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    private async Task<ServiceHealth> ProbeAsync(Yarp.ReverseProxy.Model.ClusterState cluster, CancellationToken ct)
    {
        var destination = cluster.Destinations.Values.FirstOrDefault();
        if (destination is null)
        {
            return new ServiceHealth("Unhealthy", 0, null, "No destination configured.");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.GetAsync(new Uri(new Uri(destination.Model.Config.Address), "/health"), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            JsonElement? detail = body.StartsWith('{') ? JsonSerializer.Deserialize<JsonElement>(body) : null;
            // A 200 may still say Degraded (a service without its broker keeps serving; its events wait): the body decides.
            var status = !response.IsSuccessStatusCode ? "Unhealthy"
                : detail is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("status", out var said) && said.GetString() is "Healthy" or "Degraded" or "Unhealthy"
                    ? said.GetString()!
                    : "Healthy";
            return new ServiceHealth(status, Elapsed(started), detail, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new ServiceHealth("Unhealthy", Elapsed(started), null, ex.Message);
        }
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);

    public void Dispose() => _http.Dispose();
}
