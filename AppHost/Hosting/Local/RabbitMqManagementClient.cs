using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PetitionPlatform.Hosting.Local;

/// <summary>The management HTTP API of one node, used as its administrator: readiness and virtual hosts go through it.</summary>
internal sealed class RabbitMqManagementClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _nodeName;

    public RabbitMqManagementClient(Uri managementUri, StoredCredentials credentials, string nodeName)
    {
        _nodeName = nodeName;
        _http = new HttpClient { BaseAddress = managementUri, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
    }

    /// <summary>Whether <c>GET /api/overview</c> answers 200 with these credentials.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("api/overview", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Creates the virtual host (a no-op if it exists) and gives <paramref name="user"/> full permissions on it.</summary>
    public async Task CreateVirtualHostAsync(string name, string user, CancellationToken cancellationToken)
    {
        var vhost = Uri.EscapeDataString(name);
        await PutAsync($"api/vhosts/{vhost}", "{}", cancellationToken);
        await PutAsync($"api/permissions/{vhost}/{Uri.EscapeDataString(user)}", """{"configure":".*","write":".*","read":".*"}""", cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task PutAsync(string path, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PutAsync(path, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HostingException(
                $"RabbitMQ '{_nodeName}' refused PUT /{path} with {(int)response.StatusCode} {response.ReasonPhrase}: {body}.");
        }
    }
}
