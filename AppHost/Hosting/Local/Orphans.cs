using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.Processes;

namespace PetitionPlatform.Hosting.Local;

/// <summary>
/// Servers a crashed or killed earlier run left behind. Their pid files name them; the command line must also mention
/// the data directory (or program) before anything is signalled, because a pid can be reused by an unrelated process.
/// </summary>
internal static class Orphans
{
    /// <summary>The pid in the first line of <paramref name="pidFile"/>, if that process is alive and its command line contains <paramref name="mustMention"/>.</summary>
    public static int? FindLive(string pidFile, string mustMention)
    {
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var firstLine = File.ReadLines(pidFile).FirstOrDefault()?.Trim();
        if (!int.TryParse(firstLine, out var processId) || processId <= 1 || processId == Environment.ProcessId || !Signals.IsAlive(processId))
        {
            return null;
        }

        var commandLine = Signals.CommandLine(processId);
        return commandLine is not null && commandLine.Contains(mustMention, StringComparison.Ordinal) ? processId : null;
    }

    /// <summary>Signals the process, waits up to <paramref name="timeout"/>, then kills it; logs one line.</summary>
    public static async Task StopAsync(
        int processId, int signal, TimeSpan timeout, string what, string directory, ILogger logger, CancellationToken cancellationToken)
    {
        Signals.Send(processId, signal);
        if (!await WaitForExitAsync(processId, timeout, cancellationToken))
        {
            Signals.Send(processId, Signals.Kill);
            await WaitForExitAsync(processId, TimeSpan.FromSeconds(10), cancellationToken);
        }

        LocalLog.OrphanStopped(logger, what, processId, directory);
    }

    public static async Task<bool> WaitForExitAsync(int processId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Signals.IsAlive(processId))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }
}
