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
    public static Task<JsonElement> TraceWithServicesAsync(HttpClient dashboard, string traceId, IReadOnlyCollection<string> services) =>
        Eventually.HoldsAsync(
            async () => await dashboard.GetAsync(new Uri($"/api/traces/{traceId}", UriKind.Relative)) is { IsSuccessStatusCode: true } ok
                ? await ok.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            trace => trace.ValueKind == JsonValueKind.Object && services.All(Services(trace).Contains),
            because: $"trace {traceId} holds spans of {string.Join(", ", services)}",
            seconds: 90);

    public static HashSet<string> Services(JsonElement trace) =>
    [
        .. trace.GetProperty("spans").EnumerateArray().Select(s => s.GetProperty("service").GetString()!),
    ];
}
