using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.Bench;

/// <summary>
/// The stack's own deadline evaluation runs, as supervision reports them to the dashboard: one span per run
/// ("supervision deadline evaluation") with the petitions it judged and the notices it issued. Read through the
/// dashboard's telemetry API with the key the AppHost keeps in the data directory.
/// </summary>
internal sealed class EvaluationRuns(Uri dashboard, string dataDirectory) : IDisposable
{
    private const string SpanName = "supervision deadline evaluation";

    private readonly HttpClient _http = new() { BaseAddress = dashboard, Timeout = TimeSpan.FromMinutes(2) };

    public sealed record Run(DateTimeOffset StartedAt, TimeSpan Took, long Judged, long Issued);

    /// <summary>The first run that started after <paramref name="after"/>, waiting up to <paramref name="patience"/> for it to end.</summary>
    public async Task<Run?> NextAsync(DateTimeOffset after, TimeSpan patience)
    {
        _http.DefaultRequestHeaders.Remove("x-api-key");
        _http.DefaultRequestHeaders.Add("x-api-key", File.ReadAllText(Path.Combine(dataDirectory, "secrets", "dashboard-api-key")).Trim());
        var until = DateTimeOffset.UtcNow + patience;
        while (DateTimeOffset.UtcNow < until)
        {
            var runs = await RunsAsync();
            if (runs.Where(r => r.StartedAt > after).MinBy(r => r.StartedAt) is { } run)
            {
                return run;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return null;
    }

    private async Task<List<Run>> RunsAsync()
    {
        var runs = new List<Run>();
        try
        {
            foreach (var instance in await SupervisionInstancesAsync())
            {
                using var response = await _http.GetAsync($"/api/telemetry/spans?resource={Uri.EscapeDataString(instance)}&limit=10000");
                if (response.IsSuccessStatusCode)
                {
                    AddRuns(await response.Content.ReadFromJsonAsync<JsonElement>(), runs);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The dashboard falls behind while the notices of a large run flow through the stack; ask again.
            Console.WriteLine($"  (the dashboard did not answer: {e.GetType().Name}; asking again)");
        }

        return runs;
    }

    /// <summary>
    /// The names the dashboard knows supervision's instances by: <c>supervision</c> alone, or with a stack run with
    /// replicas (<c>--AppHost:Replicas=2</c>) one <c>supervision-&lt;instance id&gt;</c> each, every one running its evaluations.
    /// </summary>
    private async Task<List<string>> SupervisionInstancesAsync()
    {
        using var response = await _http.GetAsync("/api/telemetry/resources");
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var resources = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. resources.EnumerateArray()
            .Where(r => r.GetProperty("name").GetString() == "supervision")
            .Select(r => r.TryGetProperty("instanceId", out var id) && id.ValueKind == JsonValueKind.String ? $"supervision-{id.GetString()}" : "supervision")];
    }

    private static void AddRuns(JsonElement body, List<Run> runs)
    {
        if (!body.TryGetProperty("data", out var data) || !data.TryGetProperty("resourceSpans", out var resources))
        {
            return;
        }

        foreach (var span in resources.EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray())
            .SelectMany(s => s.GetProperty("spans").EnumerateArray())
            .Where(s => s.GetProperty("name").GetString() == SpanName))
        {
            var start = Nanos(span.GetProperty("startTimeUnixNano"));
            var end = Nanos(span.GetProperty("endTimeUnixNano"));
            runs.Add(new Run(DateTimeOffset.UnixEpoch.AddTicks(start / 100), TimeSpan.FromTicks((end - start) / 100),
                Attribute(span, "supervision.judged"), Attribute(span, "supervision.issued")));
        }
    }

    /// <summary>OTLP JSON writes 64-bit integers as strings; accept numbers too.</summary>
    private static long Nanos(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();

    private static long Attribute(JsonElement span, string key)
    {
        if (!span.TryGetProperty("attributes", out var attributes))
        {
            return -1;
        }

        foreach (var attribute in attributes.EnumerateArray().Where(a => a.GetProperty("key").GetString() == key))
        {
            var value = attribute.GetProperty("value");
            // The dashboard gives the tags back as strings; OTLP proper would say intValue.
            return value.TryGetProperty("intValue", out var number) ? Nanos(number)
                : value.TryGetProperty("stringValue", out var text) && long.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : -1;
        }

        return -1;
    }

    public void Dispose() => _http.Dispose();
}
