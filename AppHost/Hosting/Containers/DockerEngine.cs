using System.Net.Sockets;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>Where the Docker engine is expected (DOCKER_HOST, else the standard socket), and whether it answers there.</summary>
public static class DockerEngine
{
    private const string DefaultSocket = "/var/run/docker.sock";

    /// <summary>DOCKER_HOST as given (<c>unix:///…</c> or <c>tcp://host:port</c>), else the standard Unix socket.</summary>
    public static Uri Endpoint =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host && Uri.TryCreate(host, UriKind.Absolute, out var uri)
            ? uri
            : new Uri($"unix://{DefaultSocket}");

    /// <summary>Whether the engine at <see cref="Endpoint"/> answers; see <see cref="PingAsync"/>.</summary>
    public static Task<bool> AnswersAsync(TimeSpan timeout, CancellationToken cancellationToken) => AnswersAsync(Endpoint, timeout, cancellationToken);

    public static async Task<bool> AnswersAsync(Uri endpoint, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await PingAsync(endpoint, timeout, cancellationToken).ConfigureAwait(false)).Answers;

    /// <summary>
    /// Whether <c>GET /_ping</c> on <paramref name="endpoint"/> answers "OK" within <paramref name="timeout"/>, and the
    /// newest API version the engine speaks (its <c>API-Version</c> header). A socket file alone proves nothing (a
    /// stopped dockerd leaves it behind), so the engine has to answer.
    /// </summary>
    public static async Task<(bool Answers, Version? ApiVersion)> PingAsync(Uri endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var handler = new SocketsHttpHandler { ConnectTimeout = timeout };
        Uri baseAddress;
        switch (endpoint.Scheme)
        {
            case "unix":
                if (!File.Exists(endpoint.AbsolutePath))
                {
                    return (false, null);
                }

                handler.ConnectCallback = async (_, token) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.AbsolutePath), token).ConfigureAwait(false);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
                // The host name is ignored: the callback above decides where the connection goes.
                baseAddress = new Uri("http://docker/");
                break;
            case "tcp" or "http":
                baseAddress = new UriBuilder(endpoint) { Scheme = "http" }.Uri;
                break;
            default:
                // TLS endpoints and named pipes need client certificates or Windows; leave those to Testcontainers' own checks.
                return (false, null);
        }

        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
        try
        {
            using var response = await client.GetAsync("_ping", cancellationToken).ConfigureAwait(false);
            var answers = response.IsSuccessStatusCode
                && string.Equals((await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim(), "OK", StringComparison.Ordinal);
            var version = response.Headers.TryGetValues("API-Version", out var values) && Version.TryParse(values.FirstOrDefault(), out var parsed) ? parsed : null;
            return (answers, version);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException
                                     || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (false, null);
        }
    }
}
