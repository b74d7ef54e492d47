using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.TestSupport;

/// <summary>A loopback port nothing listens on, for tests that start a listener of their own.</summary>
public static class FreePort
{
    public static int Next() => TcpPorts.GetFree();
}
