using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Audit.Data;
using PetitionPlatform.Gateway;
using PetitionPlatform.Gateway.Documentation;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Gateway;

/// <summary>
/// The API documents as agencies read them: each real service's own document declares the client-credentials scheme
/// and which operations need a token, and the gateway serves every one of them without a token, with itself as the
/// server, plus in Development the page that signs in at its token endpoint.
/// </summary>
[Collection(SharedInfrastructure.CollectionName)]
public sealed class ApiDocumentationTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _hosts = [];
    private Dictionary<string, Func<HttpMessageHandler>> _services = null!;
    private TokenService _tokens = null!;

    public async Task InitializeAsync()
    {
        _tokens = await SharedTokens.StartAsync(infrastructure);
        var messaging = await infrastructure.CreateVirtualHostAsync("documents");
        var intake = await StartAsync<IntakeDbContext>("intakedb", messaging);
        var handling = await StartAsync<HandlingDbContext>("handlingdb", messaging);
        var supervision = await StartAsync<SupervisionDbContext>("supervisiondb", messaging);
        var notification = await StartAsync<NotificationDbContext>("notificationdb", messaging);
        var audit = await StartAsync<AuditDbContext>("auditdb", messaging);
        _services = new()
        {
            ["intake"] = intake.Server.CreateHandler,
            ["routing"] = _tokens.Directory.Server.CreateHandler,
            ["handling"] = handling.Server.CreateHandler,
            ["supervision"] = supervision.Server.CreateHandler,
            ["notification"] = notification.Server.CreateHandler,
            ["identity"] = _tokens.Identity.Server.CreateHandler,
            ["audit"] = audit.Server.CreateHandler,
        };
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("routing")]
    [InlineData("handling")]
    [InlineData("supervision")]
    [InlineData("notification")]
    [InlineData("identity")]
    [InlineData("audit")]
    public async Task Each_services_document_is_open_and_declares_client_credentials_at_the_gateways_token_endpoint(string service)
    {
        var document = await DocumentOfAsync(service);

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var oauth2 = schemes.GetProperty("oauth2");
        Assert.Equal("oauth2", oauth2.GetProperty("type").GetString());
        var flow = oauth2.GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal("/connect/token", flow.GetProperty("tokenUrl").GetString());
        // Required by the specification even when empty; generators reject the scheme without it.
        Assert.Equal(JsonValueKind.Object, flow.GetProperty("scopes").ValueKind);
        Assert.Contains("gateway", oauth2.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Theory]
    [InlineData("intake", "/api/intake/petitions", "post")]
    [InlineData("handling", "/api/handling/cases/{caseId}/accept", "post")]
    [InlineData("identity", "/api/identity/clients", "get")]
    // Open to routing's neighbours inside the platform, but the gateway asks outside callers for a token.
    [InlineData("routing", "/api/routing/regions/{regionCode}", "get")]
    public async Task An_operation_that_needs_a_token_says_so(string service, string path, string method)
    {
        var operation = (await DocumentOfAsync(service)).GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(["bearer", "oauth2"], Schemes(operation).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("supervision", "/api/track/{trackingCode}", "get")]
    [InlineData("handling", "/api/handling/cases/{caseId}/evaluation", "post")]
    public async Task A_petitioners_operation_asks_for_no_token(string service, string path, string method)
    {
        var operation = (await DocumentOfAsync(service)).GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Empty(Schemes(operation));
    }

    [Fact]
    public async Task The_units_messages_take_a_token_that_petitioners_do_without()
    {
        var operation = (await DocumentOfAsync("notification")).GetProperty("paths").GetProperty("/api/notifications").GetProperty("get");

        var requirements = operation.GetProperty("security").EnumerateArray().ToList();
        Assert.Contains(requirements, requirement => !requirement.EnumerateObject().Any());
        Assert.Equal(["bearer", "oauth2"], Schemes(operation).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_gateway_serves_every_document_without_a_token_with_itself_as_the_server()
    {
        await using var gateway = Gateway("Development");
        using var anonymous = gateway.CreateClient();

        foreach (var service in _services.Keys)
        {
            using var response = await anonymous.GetAsync($"/openapi/{service}.json");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("/", Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
            Assert.True(document.GetProperty("paths").EnumerateObject().Any(), $"{service}'s document lists no path");
            Assert.Equal("/connect/token", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2")
                .GetProperty("flows").GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        }

        var unknown = await anonymous.GetAsync("/openapi/nothing.json");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task In_development_the_gateways_page_lists_every_document_and_signs_in_with_client_credentials_at_the_token_endpoint()
    {
        await using var gateway = Gateway("Development");

        using var page = await gateway.CreateClient().GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // The page's configuration, as Scalar writes it into the page: sources relative to the gateway's root.
        foreach (var service in _services.Keys)
        {
            Assert.Contains($"\"url\":\"openapi/{service}.json\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("\"preferredSecurityScheme\":[\"oauth2\"]", html, StringComparison.Ordinal);
        Assert.Contains("\"clientCredentials\":{\"tokenUrl\":\"/connect/token\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_gateway_serves_the_documents_but_no_page()
    {
        await using var gateway = Gateway("Production");
        using var anonymous = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/intake.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/scalar/")).StatusCode);
    }

    private static IEnumerable<string> Schemes(JsonElement operation) =>
        operation.TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name))
            : [];

    /// <summary>The service's own document, fetched without a token as a client generator would.</summary>
    private async Task<JsonElement> DocumentOfAsync(string service)
    {
        using var client = new HttpClient(_services[service]()) { BaseAddress = new Uri("http://localhost") };
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<ServiceFactory<TContext>> StartAsync<TContext>(string database, string messaging) where TContext : DbContext
    {
        var factory = new ServiceFactory<TContext>(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{database}"] = await infrastructure.CreateDatabaseAsync(database),
            ["ConnectionStrings:messaging"] = messaging,
        }, DirectoryWiring.Through(_tokens.Directory));
        _hosts.Add(factory);
        return factory;
    }

    /// <summary>
    /// The real gateway, each service at a name of its own; the client that reads documents reaches the in-process
    /// services by that name (the proxied routes are not used here).
    /// </summary>
    private WebApplicationFactory<GatewayOptions> Gateway(string environment)
    {
        return new WebApplicationFactory<GatewayOptions>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.ConfigureTestServices(services =>
            {
                _tokens.ServeKeysTo(services);
                services.AddHttpClient(ServiceDocuments.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new ByServiceName(_services));
            });
            foreach (var service in _services.Keys)
            {
                builder.UseSetting($"services:{service}:http:0", $"http://{service}.documents.test");
            }
        });
    }

    /// <summary>Sends each request to the in-process service its host name names.</summary>
    private sealed class ByServiceName(IReadOnlyDictionary<string, Func<HttpMessageHandler>> services) : HttpMessageHandler
    {
        private readonly Dictionary<string, HttpMessageInvoker> _invokers =
            services.ToDictionary(service => service.Key, service => new HttpMessageInvoker(service.Value()));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _invokers[request.RequestUri!.Host.Split('.')[0]].SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var invoker in _invokers.Values)
                {
                    invoker.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }
}
