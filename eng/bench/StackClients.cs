using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.Bench;

/// <summary>
/// The clients the benchmark acts as, registered through the operators' API for the run and removed after it: several
/// of each kind, because the gateway limits every client's rate (50 a second by default) as it would an agency's.
/// </summary>
internal sealed class StackClients : IAsyncDisposable
{
    private readonly SocketsHttpHandler _network = new() { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    private readonly Uri _gateway;
    private readonly HttpClient _plain;
    private readonly HttpClient _operators;
    private readonly List<string> _made = [];
    private readonly string _run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private StackClients(Uri gateway, string operatorSecret)
    {
        _gateway = gateway;
        _plain = new HttpClient(_network, disposeHandler: false) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        _operators = Signed("operator", operatorSecret);
    }

    /// <summary>Without a token: what a petitioner's query code opens.</summary>
    public HttpClient Anonymous => _plain;

    /// <summary>Signs in as the operators' client, whose secret the AppHost keeps in the data directory.</summary>
    public static StackClients For(Uri gateway, string dataDirectory)
    {
        var secretFile = Path.Combine(dataDirectory, "secrets", "identity-operator-secret");
        if (!File.Exists(secretFile))
        {
            throw new InvalidOperationException($"No {secretFile}: start the stack with eng/run.sh first, or give --data.");
        }

        return new StackClients(gateway, File.ReadAllText(secretFile).Trim());
    }

    /// <summary><paramref name="count"/> clients of one organisation and roles, each with its own rate allowance.</summary>
    public async Task<IReadOnlyList<HttpClient>> MakeAsync(string kind, string orgId, string[] roles, int count)
    {
        var made = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            var clientId = $"bench-{_run}-{kind}-{i}";
            using var response = await _operators.PostAsJsonAsync("/api/identity/clients", new { clientId, orgId, roles });
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Registering client {clientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            _made.Add(clientId);
            var secret = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
            made.Add(Signed(clientId, secret));
        }

        return made;
    }

    private HttpClient Signed(string clientId, string secret) =>
        new(new ClientToken(_plain, clientId, secret) { InnerHandler = _network }, disposeHandler: false) { BaseAddress = _gateway, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        foreach (var clientId in _made)
        {
            using var removed = await _operators.DeleteAsync(new Uri($"/api/identity/clients/{Uri.EscapeDataString(clientId)}", UriKind.Relative));
        }

        _plain.Dispose();
        _network.Dispose();
    }
}
