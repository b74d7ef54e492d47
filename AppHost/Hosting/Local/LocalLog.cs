using Microsoft.Extensions.Logging;

namespace PetitionPlatform.Hosting.Local;

internal static partial class LocalLog
{
    [LoggerMessage(1, LogLevel.Warning, "The data of '{Name}' is kept in {Fallback}, because the OS user '{User}' cannot reach {Requested}.")]
    public static partial void DataDirectoryRelocated(ILogger logger, string name, string user, string requested, string fallback);

    [LoggerMessage(2, LogLevel.Warning, "Stopped {What} (pid {ProcessId}) that an earlier run left behind in {Directory}.")]
    public static partial void OrphanStopped(ILogger logger, string what, int processId, string directory);

    [LoggerMessage(3, LogLevel.Warning, "'{Name}' did not stop within {Seconds} s and was killed.")]
    public static partial void KilledAfterTimeout(ILogger logger, string name, double seconds);

    [LoggerMessage(4, LogLevel.Information, "Initialising a new PostgreSQL cluster for '{Name}' in {Directory}.")]
    public static partial void InitializingCluster(ILogger logger, string name, string directory);
}
