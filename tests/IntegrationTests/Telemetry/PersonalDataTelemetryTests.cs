using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Telemetry;

/// <summary>
/// A registration and a progress query through the gateway leave the petitioner's identity and query code out of every
/// span (names, attributes, events) and every log record of the gateway and intake, while the log records still carry
/// the trace they belong to.
/// </summary>
[Collection("infrastructure")]
public sealed class PersonalDataTelemetryTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly SpanRecorder _spans = new();
    private TracedPlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await TracedPlatform.StartAsync(infrastructure);

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        _spans.Dispose();
    }

    [Fact]
    public async Task No_span_or_log_record_carries_the_petitioners_identity_or_query_code_and_logs_carry_the_trace()
    {
        var gateway = _platform.Portal;
        var response = await gateway.RegisterAsync(SamplePetitions.GuyuanWageArrears());
        Assert.True(response.IsSuccessStatusCode);
        var registration = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = registration.GetProperty("trackingCode").GetString()!;
        var petitionId = registration.GetProperty("petitionId").GetString()!;
        var traceId = Assert.Single(response.Headers.GetValues("X-Trace-Id"));

        // The progress view is addressed by the code itself: the gateway's and supervision's spans must not keep it.
        await Eventually.HoldsAsync(() => gateway.GetAsync($"/api/track/{code}"), track => track.StatusCode == HttpStatusCode.OK,
            because: "supervision knows the petition");
        await Eventually.HoldsAsync(() => Task.FromResult(_spans.All), spans => spans.Any(span => span.DisplayName == "notification deliver receipt"),
            within: TimeSpan.FromSeconds(30), because: "the receipt carrying the code is delivered");

        string[] secrets =
        [
            "王建国", "李春生", "11010519491231002X", "13800138000", "138 0013 8000", "沽源县黄盖淖镇",
            code, code.Replace("-", "", StringComparison.Ordinal),
        ];
        var texts = _spans.All.SelectMany(SpanTexts).Concat(_platform.Logs.SelectMany(LogTexts)).ToList();
        Assert.Contains(texts, text => text.Contains(petitionId, StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        // The gateway's and supervision's server spans of the progress query say which path it was, without the code.
        var tracked = _spans.All.Where(span => span.Kind == ActivityKind.Server && span.GetTagItem("http.route") is "/api/track/{trackingCode}" or "/api/track/{**rest}").ToList();
        Assert.Contains(tracked, span => span.GetTagItem("http.route") is "/api/track/{**rest}");
        Assert.Contains(tracked, span => span.GetTagItem("http.route") is "/api/track/{trackingCode}");
        Assert.All(tracked, span => Assert.Equal("/api/track/{trackingCode}", span.GetTagItem("url.path")));

        // Structured logs: the record intake writes while registering carries the request's trace and its own span.
        var registered = Assert.Single(_platform.Logs, log => log.Message.StartsWith($"Petition {petitionId} registered", StringComparison.Ordinal));
        Assert.Equal(traceId, Value(registered, "TraceId"));
        Assert.Matches("^[0-9a-f]{16}$", Value(registered, "SpanId"));
    }

    private static IEnumerable<string> SpanTexts(Activity span) =>
        new[] { span.DisplayName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name} {tag.Key}={tag.Value}")));

    private static IEnumerable<string> LogTexts(CapturedLog log) =>
        log.Values.Select(value => $"{value.Key}={value.Value}").Append(log.Message);

    private static string? Value(CapturedLog log, string key) => log.Values.LastOrDefault(value => value.Key == key).Value?.ToString();
}
