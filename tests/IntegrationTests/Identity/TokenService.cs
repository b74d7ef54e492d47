using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Identity.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Identity;

/// <summary>The token service in the test process, on a fresh identitydb, with routing's directory beside it.</summary>
internal sealed class TokenService : IAsyncDisposable
{
    public const string OperatorSecret = "integration-test-operator-secret";

    private readonly ServiceFactory<RoutingDbContext> _routing;

    private TokenService(ServiceFactory<RoutingDbContext> routing, ServiceFactory<IdentityDbContext> identity)
    {
        _routing = routing;
        Identity = identity;
        Client = identity.CreateClient();
    }

    public ServiceFactory<IdentityDbContext> Identity { get; }

    public HttpClient Client { get; }

    public static async Task<TokenService> StartAsync(SharedInfrastructure infrastructure, IDictionary<string, string?>? settings = null)
    {
        var routing = await DirectoryWiring.StartDirectoryAsync(infrastructure);
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = await infrastructure.CreateDatabaseAsync("identity"),
            ["Identity:OperatorSecret"] = OperatorSecret,
            ["Identity:DemoClients"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var identity = new ServiceFactory<IdentityDbContext>(all, DirectoryWiring.Through(routing));
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
