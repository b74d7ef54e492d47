using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.EndToEndTests.Lifecycle;

namespace PetitionPlatform.EndToEndTests.Dashboard;

/// <summary>
/// One petition submitted through the gateway becomes one trace in Aspire's dashboard, with spans of the gateway and all
/// five services, found from the gateway's X-Trace-Id or from the petition's id; read through the dashboard's telemetry API.
/// </summary>
[Collection("platform")]
public sealed class TraceTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_registration_is_one_linked_trace_from_the_gateway_through_every_service()
    {
        var (_, traceId) = await DashboardTelemetry.RegisterAsync(platform.Portal);

        Assert.Matches("^[0-9a-f]{32}$", traceId);
        // Linked: each span but the root hangs under another span of the same trace, so the hops form one tree rather
        // than six fragments that merely share an id.
        var spans = await DashboardTelemetry.TraceWithServicesAsync(platform.DashboardApi, traceId, DashboardTelemetry.RegistrationServices, linked: true);

        var root = Assert.Single(spans, s => string.IsNullOrEmpty(s.ParentSpanId));
        Assert.Equal("gateway", root.Service);
        Assert.All(spans, s => Assert.Equal(traceId, s.TraceId));
    }

    [Fact]
    public async Task The_trace_of_a_petition_is_found_by_its_petition_id()
    {
        var (petitionId, traceId) = await DashboardTelemetry.RegisterAsync(platform.Portal);

        var tagged = await Eventually.HoldsAsync(
            async () => (await DashboardTelemetry.SpansAsync(platform.DashboardApi, "/api/telemetry/spans?resource=intake&limit=10000"))
                .Where(s => s.Attributes.TryGetValue("petition.id", out var id) && id == petitionId).ToList(),
            found => found.Count > 0,
            because: "intake's spans of the registration carry petition.id",
            seconds: 60);

        Assert.All(tagged, s => Assert.Equal(traceId, s.TraceId));
    }

    [Fact]
    public async Task No_personal_data_of_the_petitioner_reaches_the_trace()
    {
        var petition = Petitions.GuyuanWageArrears();
        var (_, traceId) = await DashboardTelemetry.RegisterAsync(platform.Portal, petition);
        var spans = await DashboardTelemetry.TraceWithServicesAsync(platform.DashboardApi, traceId, DashboardTelemetry.RegistrationServices);

        var everything = string.Join("\n", spans.SelectMany(s => s.Attributes.Values.Append(s.Name)));
        foreach (var field in new[] { "name", "idNumber", "phone" })
        {
            Assert.DoesNotContain(petition["petitioner"]![field]!.GetValue<string>(), everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_services_log_records_carry_the_trace_they_were_written_in()
    {
        var (_, traceId) = await DashboardTelemetry.RegisterAsync(platform.Portal);
        await DashboardTelemetry.TraceWithServicesAsync(platform.DashboardApi, traceId, DashboardTelemetry.RegistrationServices);

        var logs = await Eventually.HoldsAsync(
            () => platform.DashboardApi.GetFromJsonAsync<JsonElement>(new Uri("/api/telemetry/logs?limit=2000", UriKind.Relative)),
            all => Records(all).Any(r => r.TryGetProperty("traceId", out var id) && id.GetString() is { Length: > 0 }),
            because: "some service logs inside a trace",
            seconds: 60);

        Assert.All(
            Records(logs).Where(r => r.TryGetProperty("traceId", out var id) && id.GetString() is { Length: > 0 }),
            r => Assert.Matches("^[0-9a-f]{32}$", r.GetProperty("traceId").GetString()));
    }

    private static IEnumerable<JsonElement> Records(JsonElement response) =>
        from resourceLogs in response.GetProperty("data").GetProperty("resourceLogs").EnumerateArray()
        from scopeLogs in resourceLogs.GetProperty("scopeLogs").EnumerateArray()
        from record in scopeLogs.GetProperty("logRecords").EnumerateArray()
        select record;
}
