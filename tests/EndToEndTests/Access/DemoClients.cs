using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.EndToEndTests.Access;

/// <summary>
/// The clients the Development stack seeds, read from <c>identity/clients.json</c> in the AppHost's data directory
/// as a script of a local stack would, and HTTP clients that sign in as one of them through the gateway.
/// </summary>
public sealed class DemoClients(string clientsFile, Func<HttpClient> anonymous)
{
    private readonly Lazy<Dictionary<string, JsonElement>> _clients = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(clientsFile))!);

    public IReadOnlyCollection<string> Ids => _clients.Value.Keys;

    public string SecretOf(string clientId) => _clients.Value[clientId].GetProperty("secret").GetString()!;

    /// <summary>
    /// The gateway as the client calls it, with a token from <c>/connect/token</c> fetched on first use, waiting out the
    /// gateway's per-client rate limit as an agency's client does (the limit itself is the gateway's integration tests').
    /// </summary>
    public HttpClient As(string clientId, Uri gateway) =>
        new(new BearerTokens(this, clientId) { InnerHandler = new RetryAfterTooManyRequests { InnerHandler = new HttpClientHandler() } })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret) =>
        await anonymous().PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    /// <summary>
    /// Sends a request refused with 429 again after its <c>Retry-After</c>: a test that reads many petitions one after
    /// the other (the kill test's checks) would otherwise fail on the limit, not on what it checks.
    /// </summary>
    private sealed class RetryAfterTooManyRequests : DelegatingHandler
    {
        private const int Attempts = 20;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests || attempt == Attempts)
                {
                    return response;
                }

                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                response.Dispose();
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    private sealed class BearerTokens(DemoClients clients, string clientId) : DelegatingHandler
    {
        // Tokens live ten minutes; the whole suite runs against the stack in a few, so a client signs in once.
        private string? _token;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_token is null)
            {
                using var response = await clients.RequestTokenAsync(clientId, clients.SecretOf(clientId));
                var answer = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                _token = answer.GetProperty("access_token").GetString();
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
