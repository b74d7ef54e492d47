using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Local;

/// <summary>
/// Erlang's port mapper for one RabbitMQ node: in the foreground (no -daemon), on a port of its own and on loopback only,
/// so it is a managed child that stops with its node, no system-wide epmd daemon is left behind, and nodes of different
/// runs never see each other.
/// </summary>
internal sealed class EpmdProcess
{
    private readonly ChildProcess _process;
    private readonly int _port;

    private EpmdProcess(ChildProcess process, int port)
    {
        _process = process;
        _port = port;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts epmd and returns once it answers; its pid goes to <paramref name="pidFile"/> for a later run's clean-up.</summary>
    public static async Task<EpmdProcess> StartAsync(
        string program, int port, string pidFile, string? userName, Action<OutputLine>? output, CancellationToken cancellationToken)
    {
        var process = ChildProcess.Start(new ChildProcessStartInfo("epmd", program, ["-port", port.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1"])
        {
            WorkingDirectory = Path.GetDirectoryName(pidFile),
            UserName = userName,
            RemoveInheritedPrefixes = ["ERL_"],
            Output = output,
        });
        File.WriteAllText(pidFile, process.Id.ToString(CultureInfo.InvariantCulture));
        var epmd = new EpmdProcess(process, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await epmd.AnswersAsync(cancellationToken))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await process.DisposeAsync();
                throw new HostingException($"Erlang's port mapper did not start on port {port}.", [.. process.Tail.Tail(20).Select(l => l.Text)]);
            }

            await Task.Delay(50, cancellationToken);
        }

        return epmd;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _process.StopAsync(Signals.Terminate, TimeSpan.FromSeconds(5), cancellationToken);
        await _process.DisposeAsync();
    }

    /// <summary>Asks for the registered names (NAMES_REQ): a bare connect-and-close would make epmd log a protocol error.</summary>
    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient(AddressFamily.InterNetwork);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, _port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, timeout.Token);
            await stream.ReadExactlyAsync(new byte[4], timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
