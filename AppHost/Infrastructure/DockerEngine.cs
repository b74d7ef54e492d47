using System.Net.Sockets;

namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>Asks the Docker engine (<c>DOCKER_HOST</c>, else <c>/var/run/docker.sock</c>) whether it answers and holds the images.</summary>
internal static class DockerEngine
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>Null when the engine answers and has every image; otherwise what is missing, in words.</summary>
    public static string? Missing(params string[] images)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } configured ? configured : "unix:///var/run/docker.sock";
        using var client = CreateClient(host);
        if (client is null)
        {
            return $"DOCKER_HOST={host} is neither unix:// nor tcp://";
        }

        try
        {
            if (!client.GetAsync("/_ping").GetAwaiter().GetResult().IsSuccessStatusCode)
            {
                return $"the Docker engine at {host} does not answer";
            }

            var absent = images.Where(image => !client.GetAsync($"/images/{image}/json").GetAwaiter().GetResult().IsSuccessStatusCode).ToList();
            return absent.Count == 0 ? null : $"the Docker engine lacks {string.Join(" and ", absent)}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
        {
            return $"no Docker engine answers at {host}";
        }
    }

    private static HttpClient? CreateClient(string host)
    {
        var uri = new Uri(host);
        if (uri.Scheme == "tcp")
        {
            return new HttpClient { BaseAddress = new Uri($"http://{uri.Authority}"), Timeout = Patience };
        }

        if (uri.Scheme != "unix")
        {
            return null;
        }

        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(uri.AbsolutePath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://docker"), Timeout = Patience };
    }
}
