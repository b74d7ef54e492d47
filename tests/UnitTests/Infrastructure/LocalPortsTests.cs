using System.Net;
using System.Net.Sockets;
using PetitionPlatform.AppHost.Infrastructure.Local;

namespace PetitionPlatform.UnitTests.Infrastructure;

/// <summary>The local servers' ports: free, and outside the range the kernel hands out to outgoing connections.</summary>
public sealed class LocalPortsTests
{
    [Fact]
    public void A_chosen_port_lies_below_the_ephemeral_range_and_can_be_listened_on()
    {
        var port = LocalPorts.Free();

        Assert.InRange(port, 20000, LocalPorts.EphemeralRange().Low - 1);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }

    [Fact]
    public void One_app_host_never_gets_the_same_port_twice()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => LocalPorts.Free()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Theory]
    [InlineData("32768\t60999\n", 32768, 60999)]
    [InlineData("1024 65000", 1024, 65000)]
    [InlineData("", 49152, 65535)] // unreadable: IANA's dynamic ports
    [InlineData("60999 32768", 49152, 65535)]
    public void The_kernels_range_is_read_as_written(string text, int low, int high) =>
        Assert.Equal((low, high), LocalPorts.ParseRange(text));
}
