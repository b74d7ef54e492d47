using System.Runtime.InteropServices;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>
/// Turns Ctrl+C, SIGTERM and SIGHUP into one orderly stop. A second signal is let through, so an impatient second Ctrl+C
/// ends the host at once (the next run stops whatever servers that leaves behind).
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignals()
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];
    }

    public CancellationToken Requested => _requested.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _requested.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_requested.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _requested.Cancel();
    }
}
