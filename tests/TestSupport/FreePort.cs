using System.Net;
using System.Net.Sockets;

namespace PetitionPlatform.TestSupport;

/// <summary>A loopback port nothing listens on, for tests that start a listener of their own.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
