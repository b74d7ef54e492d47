using System.Runtime.InteropServices;

namespace PetitionPlatform.Hosting.Processes;

/// <summary>
/// libc's kill(2) and geteuid(2). .NET's Process can only SIGKILL, but the servers shut down cleanly only on their own
/// signals: PostgreSQL's fast shutdown is SIGINT, RabbitMQ and ASP.NET Core stop gracefully on SIGTERM.
/// </summary>
internal static partial class Signals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    private const int NoSuchProcess = 3;

    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>Sends <paramref name="signal"/>; false if the process is gone.</summary>
    public static bool Send(int processId, int signal) => SendSignal(processId, signal) == 0;

    /// <summary>Whether the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int processId)
    {
        if (SendSignal(processId, 0) != 0 && Marshal.GetLastPInvokeError() == NoSuchProcess)
        {
            return false;
        }

        try
        {
            // The state is the field after the parenthesised command name: "123 (postgres) S ...".
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..];
            return !state.StartsWith('Z') && !state.StartsWith('X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The process's command line with arguments separated by spaces, or null if it is gone.</summary>
    public static string? CommandLine(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/cmdline").Replace('\0', ' ').TrimEnd();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int processId, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
