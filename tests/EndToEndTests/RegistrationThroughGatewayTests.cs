using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.EndToEndTests.Lifecycle;

namespace PetitionPlatform.EndToEndTests;

[Collection("platform")]
public sealed class RegistrationThroughGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task Health_is_green_and_lists_every_service()
    {
        // A bus still connecting says Degraded for a moment; the running stack settles on Healthy.
        var health = await Eventually.HoldsAsync(async () =>
        {
            using var response = await platform.Gateway.GetAsync("/health");
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        }, h => h.StatusCode == HttpStatusCode.OK && h.Body.GetProperty("status").GetString() == "Healthy", because: "every service is healthy");
        var services = health.Body.GetProperty("services");
        foreach (var service in new[] { "intake", "routing", "handling", "supervision", "notification", "identity", "audit" })
        {
            Assert.Equal("Healthy", services.GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task A_nul_in_a_path_or_query_is_a_bad_request_not_a_server_error()
    {
        // In a path, the gateway's web server refuses the request line itself (a bare 400, before any middleware).
        using var inPath = await platform.Gateway.GetAsync("/api/routing/organizations/%00");
        using var inQuery = await platform.Gateway.GetAsync("/api/handling/cases?orgId=130724%00hrss");

        Assert.Equal(HttpStatusCode.BadRequest, inPath.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inQuery.StatusCode);
        Assert.True((await inQuery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("orgId", out _), "the problem names 'orgId'");
    }

    [Fact]
    public async Task A_petition_registered_through_the_gateway_reaches_every_other_service()
    {
        var response = await platform.Portal.PostAsJsonAsync("/api/intake/petitions", Petitions.GuyuanWageArrears());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Trace-Id"));
        var petitionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString();

        foreach (var prefix in new[] { "/api/routing", "/api/handling", "/api/supervision", "/api/notifications" })
        {
            await Eventually.HoldsAsync(async () =>
            {
                var view = await platform.Gateway.GetFromJsonAsync<JsonElement>($"{prefix}/dev/messaging?petitionId={petitionId}");
                return view.GetProperty("inbox");
            }, inbox => inbox.EnumerateArray().Any(m => m.GetProperty("messageType").GetString() == "PetitionRegistered"),
                $"{prefix} processes PetitionRegistered");
        }

        var intake = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/intake/dev/messaging");
        Assert.Equal(0, intake.GetProperty("outbox").GetProperty("pending").GetInt32());
        var record = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/intake/petitions/{petitionId}");
        Assert.Equal("registered", record.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_gets_a_problem_naming_the_fields()
    {
        var response = await platform.Portal.PostAsJsonAsync("/api/intake/petitions", new { channel = "telegram", content = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Trace-Id"));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("channel", out _));
        Assert.True(errors.TryGetProperty("content", out _));
    }

    [Fact]
    public async Task An_unknown_path_is_a_problem_not_a_blank_page()
    {
        var response = await platform.Gateway.GetAsync("/api/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
