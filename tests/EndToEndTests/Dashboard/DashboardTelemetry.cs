using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PetitionPlatform.EndToEndTests.Lifecycle;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>One span as the Aspire dashboard's telemetry API returns it (OTLP JSON), with the resource that sent it.</summary>
internal sealed record DashboardSpan(string Service, string TraceId, string SpanId, string? ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>A petition registered through the gateway, and its telemetry as the Aspire dashboard holds it.</summary>
internal static class DashboardTelemetry
{
    /// <summary>Every hop of a registration: the gateway, the service it reaches, and those the event reaches.</summary>
    public static readonly string[] RegistrationServices = ["gateway", "intake", "routing", "handling", "supervision", "notification"];

    /// <summary>Registers a petition (the Guyuan case unless given) and returns its id with the trace id the gateway answered in X-Trace-Id.</summary>
    public static async Task<(string PetitionId, string TraceId)> RegisterAsync(HttpClient gateway, JsonObject? petition = null)
    {
        using var response = await gateway.PostAsJsonAsync("/api/intake/petitions", petition ?? Petitions.GuyuanWageArrears());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var traceId = Assert.Single(response.Headers.GetValues("X-Trace-Id"));
        var petitionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString()!;
        return (petitionId, traceId);
    }

    /// <summary>
    /// Polls the trace until spans of every named service are in it and, when asked, every span but the root hangs
    /// under another span of the same trace. Services export in batches every few seconds and the event travels on
    /// through RabbitMQ, so the trace fills up over several exports.
    /// </summary>
    public static Task<List<DashboardSpan>> TraceWithServicesAsync(HttpClient dashboardApi, string traceId, IReadOnlyCollection<string> services, bool linked = false) =>
        Eventually.HoldsAsync(
            () => SpansAsync(dashboardApi, $"/api/telemetry/traces/{traceId}"),
            spans => services.All(spans.Select(s => s.Service).Contains) && (!linked || Unlinked(spans).Count == 0),
            because: $"trace {traceId} holds spans of {string.Join(", ", services)}{(linked ? ", each under a parent of the same trace" : "")}",
            seconds: 90);

    /// <summary>The spans of the trace (or list) at <paramref name="path"/>; none while the dashboard has nothing there yet.</summary>
    public static async Task<List<DashboardSpan>> SpansAsync(HttpClient dashboardApi, string path)
    {
        using var response = await dashboardApi.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return
        [
            .. from resourceSpans in body.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
               let service = Attributes(resourceSpans.GetProperty("resource"))["service.name"]
               from scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray()
               from span in scopeSpans.GetProperty("spans").EnumerateArray()
               select new DashboardSpan(
                   service,
                   span.GetProperty("traceId").GetString()!,
                   span.GetProperty("spanId").GetString()!,
                   span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null,
                   span.GetProperty("name").GetString()!,
                   Attributes(span)),
        ];
    }

    /// <summary>Spans whose parent is not in the trace (the root has none, so it is never counted).</summary>
    public static List<DashboardSpan> Unlinked(IReadOnlyCollection<DashboardSpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        return [.. spans.Where(s => !string.IsNullOrEmpty(s.ParentSpanId) && !ids.Contains(s.ParentSpanId))];
    }

    private static Dictionary<string, string> Attributes(JsonElement owner) =>
        owner.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().ToDictionary(
                a => a.GetProperty("key").GetString()!,
                a => a.GetProperty("value").EnumerateObject().First().Value.ToString())
            : [];
}
