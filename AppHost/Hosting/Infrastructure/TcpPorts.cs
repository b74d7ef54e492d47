using System.Net;
using System.Net.Sockets;

namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>Loopback TCP ports for servers the host starts.</summary>
public static class TcpPorts
{
    // The kernel may hand a just-released port to the next bind(0); remembering what this process handed out keeps two
    // resources that are allocated together from being given the same one.
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    /// <summary>A port nothing listens on right now (bind 0 on 127.0.0.1, then release).</summary>
    public static int GetFree()
    {
        lock (Gate)
        {
            while (true)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary>
    /// The port a server named <paramref name="name"/> should listen on: <paramref name="requested"/> if it is free, a free
    /// one when none (or 0) is requested; a requested port that is taken is a failure naming the server.
    /// </summary>
    public static int Claim(int? requested, string name) => requested switch
    {
        null or 0 => GetFree(),
        { } port when IsAvailable(port) => port,
        { } port => throw new HostingException($"Port {port} for '{name}' is in use; stop the other process or choose another port."),
    };

    /// <summary>Whether a server could listen on 127.0.0.1:<paramref name="port"/> now.</summary>
    public static bool IsAvailable(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Whether something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient(AddressFamily.InterNetwork);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
