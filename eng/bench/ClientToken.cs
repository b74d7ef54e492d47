using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PetitionPlatform.Bench;

/// <summary>
/// Signs every request in as one client, as an agency's system does: a token from the gateway's <c>/connect/token</c>,
/// fetched again before it expires (tokens live 10 minutes; a long run and its checks outlive one).
/// </summary>
internal sealed class ClientToken(HttpClient tokens, string clientId, string secret) : DelegatingHandler
{
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    public string ClientId { get; } = clientId;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(CancellationToken ct)
    {
        if (_token is { } current && DateTimeOffset.UtcNow < _renewAt)
        {
            return current;
        }

        await _fetching.WaitAsync(ct);
        try
        {
            if (_token is null || DateTimeOffset.UtcNow >= _renewAt)
            {
                using var response = await tokens.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = ClientId,
                    ["client_secret"] = secret,
                }), ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"The token of '{ClientId}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }

                var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                _token = answer.GetProperty("access_token").GetString()!;
                // Renewed at four fifths of its life, so no request carries a token about to expire.
                _renewAt = DateTimeOffset.UtcNow.AddSeconds(answer.GetProperty("expires_in").GetInt32() * 0.8);
            }

            return _token!;
        }
        finally
        {
            _fetching.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fetching.Dispose();
        }

        base.Dispose(disposing);
    }
}
