using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>
/// The "done when": one petition submitted through the gateway on the running stack becomes one trace with spans
/// of the gateway and all five services, found on the dashboard by the gateway's X-Trace-Id.
/// </summary>
[Collection("platform")]
public sealed class TraceApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_registration_is_one_trace_from_the_gateway_through_every_service()
    {
        var (_, traceId) = await TraceDashboard.RegisterAsync(platform.Gateway);

        Assert.Matches("^[0-9a-f]{32}$", traceId);
        // Linked: once every batch is in, each span but the root hangs under another span of the same trace, so the
        // hops form one tree rather than six fragments that merely share an id.
        var trace = await TraceDashboard.TraceWithServicesAsync(platform.Dashboard, traceId, TraceDashboard.RegistrationServices, linked: true);

        var summary = trace.GetProperty("trace");
        Assert.Equal(traceId, summary.GetProperty("traceId").GetString());
        Assert.Equal("gateway", summary.GetProperty("rootService").GetString());
        var spans = trace.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal("gateway", spans[0].GetProperty("service").GetString());
        Assert.Single(spans, s => s.GetProperty("depth").GetInt32() == 0);
        Assert.Empty(TraceDashboard.Unlinked(trace));
    }

    [Fact]
    public async Task The_trace_list_finds_the_registration_by_service_and_duration()
    {
        var (_, traceId) = await TraceDashboard.RegisterAsync(platform.Gateway);
        await TraceDashboard.TraceWithServicesAsync(platform.Dashboard, traceId, ["gateway", "intake"]);

        var byService = await platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/traces?service=intake&limit=1000", UriKind.Relative));
        var tooLong = await platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/traces?service=intake&minDurationMs=3600000", UriKind.Relative));

        var listed = byService.EnumerateArray().Single(t => t.GetProperty("traceId").GetString() == traceId);
        Assert.Contains("gateway", listed.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.True(listed.GetProperty("spanCount").GetInt32() >= 2);
        Assert.DoesNotContain(tooLong.EnumerateArray(), t => t.GetProperty("traceId").GetString() == traceId);
    }

    [Fact]
    public async Task The_trace_list_finds_a_petition_by_its_id()
    {
        var (petitionId, traceId) = await TraceDashboard.RegisterAsync(platform.Gateway);

        var found = await Eventually.HoldsAsync(
            () => platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri($"/api/traces?petitionId={petitionId}", UriKind.Relative)),
            traces => traces.GetArrayLength() > 0,
            because: "spans of the registration carry petition.id",
            seconds: 60);

        var trace = Assert.Single(found.EnumerateArray());
        Assert.Equal(traceId, trace.GetProperty("traceId").GetString());
        Assert.Contains(petitionId, trace.GetProperty("petitionIds").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task An_unknown_trace_is_a_404_problem_and_a_malformed_id_names_the_field()
    {
        using var unknown = await platform.Dashboard.GetAsync(new Uri($"/api/traces/{new string('a', 32)}", UriKind.Relative));
        using var malformed = await platform.Dashboard.GetAsync(new Uri("/api/traces/not-a-trace", UriKind.Relative));
        using var badFilter = await platform.Dashboard.GetAsync(new Uri("/api/traces?status=broken", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("traceId", out _));
        Assert.True((await badFilter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task The_receiver_takes_protobuf_only()
    {
        using var json = new StringContent("{}", new MediaTypeHeaderValue("application/json"));
        using var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");

        using var refused = await platform.Dashboard.PostAsync(new Uri("/v1/traces", UriKind.Relative), json);
        using var accepted = await platform.Dashboard.PostAsync(new Uri("/v1/metrics", UriKind.Relative), empty);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("application/x-protobuf", accepted.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_services_log_records_carry_their_trace()
    {
        var (_, traceId) = await TraceDashboard.RegisterAsync(platform.Gateway);
        await TraceDashboard.TraceWithServicesAsync(platform.Dashboard, traceId, ["gateway", "intake"]);

        var logs = await Eventually.HoldsAsync(
            () => platform.Dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/logs?limit=1000", UriKind.Relative)),
            all => all.EnumerateArray().Any(l => l.TryGetProperty("traceId", out _)),
            because: "some service logs inside a trace",
            seconds: 60);

        Assert.All(
            logs.EnumerateArray().Where(l => l.TryGetProperty("traceId", out _)),
            l => Assert.Matches("^[0-9a-f]{32}$", l.GetProperty("traceId").GetString()));
    }
}
