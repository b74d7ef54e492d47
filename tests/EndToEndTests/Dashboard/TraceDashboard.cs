using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.EndToEndTests.Lifecycle;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>A petition registered through the gateway, and its trace as the dashboard's JSON API holds it.</summary>
internal static class TraceDashboard
{
    /// <summary>Every hop of a registration: the gateway, the service it reaches, and those the event reaches.</summary>
    public static readonly string[] RegistrationServices = ["gateway", "intake", "routing", "handling", "supervision", "notification"];

    /// <summary>Registers a petition and returns its id with the trace id the gateway answered in X-Trace-Id.</summary>
    public static async Task<(string PetitionId, string TraceId)> RegisterAsync(HttpClient gateway)
    {
        using var response = await gateway.PostAsJsonAsync("/api/intake/petitions", Petitions.GuyuanWageArrears());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var traceId = Assert.Single(response.Headers.GetValues("X-Trace-Id"));
        var petitionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString()!;
        return (petitionId, traceId);
    }

    /// <summary>
    /// Polls the trace until spans of every named service are in it. Services export in batches every few seconds and the
    /// event travels on through RabbitMQ, so the trace fills up over several exports.
    /// </summary>
    public static Task<JsonElement> TraceWithServicesAsync(
        HttpClient dashboard, string traceId, IReadOnlyCollection<string> services, bool linked = false) =>
        Eventually.HoldsAsync(
            async () => await dashboard.GetAsync(new Uri($"/api/traces/{traceId}", UriKind.Relative)) is { IsSuccessStatusCode: true } ok
                ? await ok.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            trace => trace.ValueKind == JsonValueKind.Object && services.All(Services(trace).Contains) && (!linked || Unlinked(trace).Count == 0),
            because: $"trace {traceId} holds spans of {string.Join(", ", services)}{(linked ? ", each under a parent of the same trace" : "")}",
            seconds: 90);

    /// <summary>Spans whose parent is not in the trace (the root has none, so it is never counted).</summary>
    public static List<string> Unlinked(JsonElement trace)
    {
        var spans = trace.GetProperty("spans").EnumerateArray().ToList();
        var ids = spans.Select(s => s.GetProperty("spanId").GetString()).ToHashSet();
        return
        [
            .. spans
                .Where(s => s.TryGetProperty("parentSpanId", out var parent) && !ids.Contains(parent.GetString()))
                .Select(s => $"{s.GetProperty("service").GetString()}: {s.GetProperty("name").GetString()}"),
        ];
    }

    public static HashSet<string> Services(JsonElement trace) =>
    [
        .. trace.GetProperty("spans").EnumerateArray().Select(s => s.GetProperty("service").GetString()!),
    ];
}
