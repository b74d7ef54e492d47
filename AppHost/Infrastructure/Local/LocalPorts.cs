using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PetitionPlatform.AppHost.Infrastructure.Local;

/// <summary>
/// Ports the local servers listen on themselves, chosen when the app model is built: free now, and kept for the run,
/// restarts included. PostgreSQL's and RabbitMQ's client ports are not behind DCP's proxy (which copies every byte of
/// every connection: 18 ms of CPU per petition at 6/s, docs/performance.md), and a port DCP does not proxy must be known
/// before the process starts. epmd and the node's distribution port cannot be proxied at all.
/// </summary>
public static class LocalPorts
{
    // Below the registered ports most servers default to (PostgreSQL's 5432, RabbitMQ's 5672, 8080…).
    private const int Floor = 20000;

    // Where the kernel's range is not readable (macOS, Windows): IANA's dynamic ports, which they use.
    private static readonly (int Low, int High) s_dynamicPorts = (49152, 65535);

    private static readonly HashSet<int> s_given = [];

    /// <summary>
    /// A port no listener holds now, below the kernel's ephemeral range: a port asked of the kernel (bind to 0) comes
    /// from that range, which is also where every outgoing connection takes its source port, so in the seconds (or, for
    /// a restart, hours) before the server binds it a connection could take it and the server could not start. Below
    /// the range, only another server that names the port could. Never the same port twice in one app host.
    /// </summary>
    public static int Free()
    {
        lock (s_given)
        {
            var low = EphemeralRange().Low;
            for (var attempt = 0; attempt < 200 && low > Floor; attempt++)
            {
                var port = Random.Shared.Next(Floor, low);
                if (!s_given.Contains(port) && CanListen(port))
                {
                    s_given.Add(port);
                    return port;
                }
            }

            // A range with nothing below it, or every try taken: the kernel's choice, race and all.
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var chosen = ((IPEndPoint)listener.LocalEndpoint).Port;
            s_given.Add(chosen);
            return chosen;
        }
    }

    public static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The kernel's ephemeral port range (<c>ip_local_port_range</c>: "32768	60999" by default on Linux).</summary>
    public static (int Low, int High) EphemeralRange() =>
        File.Exists("/proc/sys/net/ipv4/ip_local_port_range")
            ? ParseRange(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range"))
            : s_dynamicPorts;

    public static (int Low, int High) ParseRange(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            && low <= high
                ? (low, high)
                : s_dynamicPorts;
    }

    private static bool CanListen(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
