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
internal static class LocalPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);
}
