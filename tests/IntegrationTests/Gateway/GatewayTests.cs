using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Gateway;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Gateway;

/// <summary>
/// The gateway in front of real HTTP servers that stand in for the services, checking tokens of the real token service
/// (on a real PostgreSQL, with routing's directory).
/// </summary>
[Collection(SharedInfrastructure.CollectionName)]
public sealed class GatewayTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const string TrackingCode = "AB12-CD34-EF56-GH78";
    private static readonly string[] s_services = ["intake", "routing", "handling", "supervision", "notification", "identity", "audit"];
    private readonly Dictionary<string, StubService> _stubs = [];
    private readonly Dictionary<string, string?> _settings = [];
    private TokenService _tokens = null!;
    private string _operatorToken = null!;

    public async Task InitializeAsync()
    {
        foreach (var service in s_services)
        {
            _stubs[service] = await StubService.StartAsync(service);
            _settings[$"services:{service}:http:0"] = _stubs[service].Address;
        }

        _tokens = await SharedTokens.StartAsync(infrastructure);
        _operatorToken = await _tokens.TokenForAsync("operator");
    }

    public async Task DisposeAsync()
    {
        foreach (var stub in _stubs.Values)
        {
            await stub.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/api/intake/petitions", "intake")]
    [InlineData("/api/routing/organizations/130724%2Fhrss", "routing")]
    [InlineData("/api/handling/cases", "handling")]
    [InlineData("/api/supervision/notices", "supervision")]
    [InlineData("/api/track/AB12-CD34-EF56-GH78", "supervision")]
    [InlineData("/api/notifications", "notification")]
    [InlineData("/api/identity/clients", "identity")]
    [InlineData("/api/audit/entries", "audit")]
    public async Task Each_public_path_reaches_the_service_that_owns_it(string path, string service)
    {
        await using var gateway = Gateway();
        var response = await SignedIn(gateway, _operatorToken).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(service, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("service").GetString());
    }

    [Fact]
    public async Task The_trace_id_is_returned_to_the_caller_and_carried_to_the_service()
    {
        await using var gateway = Gateway();
        var response = await SignedIn(gateway, _operatorToken).GetAsync("/api/intake/petitions/123");

        var traceId = Assert.Single(response.Headers.GetValues("X-Trace-Id"));
        var traceparent = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("traceparent").GetString();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Equal(traceId, traceparent!.Split('-')[1]);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_with_a_trace_id()
    {
        await using var gateway = Gateway();
        var response = await gateway.CreateClient().GetAsync("/api/unknown/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Trace-Id"));
    }

    [Fact]
    public async Task A_service_that_does_not_answer_is_a_problem_naming_it()
    {
        await _stubs["handling"].DisposeAsync();
        _stubs.Remove("handling");
        await using var gateway = Gateway();

        var response = await SignedIn(gateway, _operatorToken).GetAsync("/api/handling/cases");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("handling", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("X-Trace-Id"));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_reaches_a_service()
    {
        await using var gateway = Gateway(("Gateway:MaxRequestBodyBytes", "1000"));
        var response = await gateway.CreateClient().PostAsync("/api/intake/petitions", new StringContent(new string('x', 5000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after_while_other_clients_and_health_stay_reachable()
    {
        await using var gateway = Gateway(("Gateway:PermitsPerSecond", "1"), ("Gateway:Burst", "3"));
        var client = SignedIn(gateway, _operatorToken);
        // Another agency's system behind the same address (one NAT, one test server): its own bucket (ACCESS.md rule 6).
        var other = SignedIn(gateway, await _tokens.TokenForAsync("130724/housing"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/api/intake/petitions/1");
            statuses.Add(response.StatusCode);
            rejected ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.NotNull(rejected);
        Assert.True(rejected.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/intake/petitions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Health_is_green_only_when_every_service_is_degraded_when_one_is_and_lists_each()
    {
        await using var gateway = Gateway();
        var client = gateway.CreateClient();

        var green = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, green.StatusCode);
        var services = (await green.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("services");
        Assert.Equal(s_services.Order(), services.EnumerateObject().Select(s => s.Name).Order());

        // A service that cannot reach its broker still answers 200, saying Degraded: the aggregate says so too.
        _stubs["notification"].Status = "Degraded";
        var amber = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, amber.StatusCode);
        var degraded = await amber.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Degraded", "Degraded", "Healthy"), (degraded.GetProperty("status").GetString(),
            degraded.GetProperty("services").GetProperty("notification").GetProperty("status").GetString(),
            degraded.GetProperty("services").GetProperty("intake").GetProperty("status").GetString()));

        _stubs["supervision"].Status = "Unhealthy";
        var red = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, red.StatusCode);
        var body = await red.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Unhealthy", "Unhealthy"), (body.GetProperty("status").GetString(),
            body.GetProperty("services").GetProperty("supervision").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Health_shows_each_services_checks_to_operators_only()
    {
        await using var gateway = Gateway();

        var summary = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/health");
        var detailed = await SignedIn(gateway, _operatorToken).GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal(["status"], summary.GetProperty("services").GetProperty("intake").EnumerateObject().Select(p => p.Name));
        Assert.True(detailed.GetProperty("services").GetProperty("intake").TryGetProperty("detail", out _));
    }

    [Theory]
    [InlineData("GET", "/api/intake/petitions/0b7c6d1e-0000-0000-0000-000000000001")]
    [InlineData("POST", "/api/intake/petitions")]
    [InlineData("GET", "/api/routing/organizations/130724%2Fhrss")]
    [InlineData("GET", "/api/routing/regions/130724")]
    [InlineData("POST", "/api/routing/petitions/0b7c6d1e-0000-0000-0000-000000000001/reroute")]
    [InlineData("GET", "/api/handling/cases?orgId=130724/discipline")]
    [InlineData("POST", "/api/handling/cases/0b7c6d1e-0000-0000-0000-000000000001/accept")]
    [InlineData("GET", "/api/supervision/petitions/0b7c6d1e-0000-0000-0000-000000000001")]
    [InlineData("GET", "/api/supervision/indicators?regionCode=130000")]
    [InlineData("GET", "/api/notifications?recipient=130724/hrss")]
    [InlineData("GET", "/api/identity/clients")]
    [InlineData("GET", "/api/audit/verification")]
    public async Task A_call_without_a_valid_token_is_refused_with_401_before_it_reaches_a_service(string method, string path)
    {
        await using var gateway = Gateway();
        var tampered = _operatorToken[..^4] + (_operatorToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        foreach (var client in new[] { gateway.CreateClient(), SignedIn(gateway, tampered), SignedIn(gateway, "not-a-token") })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(problem.TryGetProperty("service", out _), "the request reached a service");
            Assert.Contains("/connect/token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("POST", "/connect/token", "identity")]
    [InlineData("GET", "/api/track/" + TrackingCode, "supervision")]
    [InlineData("GET", "/api/notifications?recipient=" + TrackingCode, "notification")]
    [InlineData("POST", "/api/handling/cases/0b7c6d1e-0000-0000-0000-000000000001/evaluation", "handling")]
    [InlineData("POST", "/api/handling/cases/0b7c6d1e-0000-0000-0000-000000000001/review-request", "handling")]
    public async Task The_token_endpoint_and_what_a_query_code_opens_need_no_token(string method, string path, string service)
    {
        await using var gateway = Gateway();

        using var response = await gateway.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(service, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("service").GetString());
    }

    private static HttpClient SignedIn(WebApplicationFactory<GatewayOptions> gateway, string token)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private WebApplicationFactory<GatewayOptions> Gateway(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        if (!_stubs.ContainsKey("handling"))
        {
            // Nothing listens there any more: the address of the stopped stub, or any closed port.
            settings["services:handling:http:0"] = $"http://127.0.0.1:{AppHost.Infrastructure.Local.LocalPorts.Free()}";
        }

        return new WebApplicationFactory<GatewayOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            // The gateway reads the token service's keys from the real service, in this process.
            builder.ConfigureTestServices(_tokens.ServeKeysTo);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
    }
}
