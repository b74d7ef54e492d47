using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Identity.Clients;
using PetitionPlatform.Identity.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Identity;

/// <summary>The token service in the test process, on a fresh identitydb, with routing's directory beside it.</summary>
internal sealed class TokenService : IAsyncDisposable
{
    public const string OperatorSecret = "integration-test-operator-secret";

    private readonly ServiceFactory<RoutingDbContext> _routing;
    private readonly SemaphoreSlim _signingIn = new(1, 1);
    private readonly Dictionary<string, string> _secrets = [];
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    private TokenService(ServiceFactory<RoutingDbContext> routing, ServiceFactory<IdentityDbContext> identity)
    {
        _routing = routing;
        Identity = identity;
        Client = identity.CreateClient();
    }

    public ServiceFactory<IdentityDbContext> Identity { get; }

    /// <summary>The routing service it checks organisations with: a directory other hosts of a test may read too.</summary>
    public ServiceFactory<RoutingDbContext> Directory => _routing;

    public HttpClient Client { get; }

    public static async Task<TokenService> StartAsync(
        SharedInfrastructure infrastructure, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var routing = await DirectoryWiring.StartDirectoryAsync(infrastructure);
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = await infrastructure.CreateDatabaseAsync("identity"),
            // Its outbox sends the audit entries of client and key changes; no trail listens on this virtual host.
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("identity"),
            ["Identity:OperatorSecret"] = OperatorSecret,
            ["Identity:DemoClients"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var directory = DirectoryWiring.Through(routing);
        var identity = new ServiceFactory<IdentityDbContext>(all, own =>
        {
            directory(own);
            services?.Invoke(own);
        });
        var service = new TokenService(routing, identity);
        await ServiceSet.Ready(service.Client);
        return service;
    }

    /// <summary>POST /connect/token with client credentials, as an agency's system does.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string grantType = "client_credentials") =>
        Client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    public async Task<string> TokenAsync(string clientId, string secret)
    {
        using var response = await RequestTokenAsync(clientId, secret);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// A token of the client <paramref name="clientId"/>, as the demo stack seeds them: an organisation id of the demo
    /// directory (roles by its kind of unit), or <c>portal</c>, <c>auditor</c>, <c>operator</c>. The client is registered
    /// through the operators' API the first time; its token is kept for the run (the shared token service issues day-long ones).
    /// </summary>
    public async Task<string> TokenForAsync(string clientId)
    {
        if (_tokens.TryGetValue(clientId, out var known))
        {
            return known;
        }

        await _signingIn.WaitAsync();
        try
        {
            if (!_secrets.TryGetValue(clientId, out var secret))
            {
                secret = clientId == AccessRoles.Operator ? OperatorSecret : await RegisterAsync(clientId);
                _secrets[clientId] = secret;
            }

            using var response = await RequestTokenAsync(clientId, secret);
            var answer = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            return _tokens[clientId] = answer.GetProperty("access_token").GetString()!;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    private async Task<string> RegisterAsync(string clientId)
    {
        var (orgId, roles) = OrgId.TryParse(clientId, out var org)
            ? (clientId, OrganizationRoles.Of(org.Unit))
            : ("130000/petition-bureau", (IReadOnlyList<string>)[clientId]);
        using var operators = await SignedInAsync(AccessRoles.Operator, OperatorSecret);
        using var made = await operators.PostAsJsonAsync("/api/identity/clients", new { clientId, orgId, roles });
        return (await made.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    /// <summary>Hands a host that validates tokens (the gateway, a service) this token service's keys, in this process.</summary>
    public void ServeKeysTo(IServiceCollection services) => services.AddHttpClient(PlatformAuthentication.MetadataClient)
        .ConfigurePrimaryHttpMessageHandler(() => Identity.Server.CreateHandler());

    public async Task<HttpClient> SignedInAsync(string clientId, string secret)
    {
        var client = Identity.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(clientId, secret));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Identity.DisposeAsync();
        await _routing.DisposeAsync();
    }
}
