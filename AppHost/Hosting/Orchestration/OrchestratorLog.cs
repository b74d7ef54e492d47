using Microsoft.Extensions.Logging;

namespace PetitionPlatform.Hosting.Orchestration;

internal static partial class OrchestratorLog
{
    [LoggerMessage(101, LogLevel.Information, "Starting {Count} resources; data in {DataDirectory}.")]
    public static partial void Starting(ILogger logger, int count, string dataDirectory);

    [LoggerMessage(102, LogLevel.Information, "'{Name}' is ready.")]
    public static partial void Ready(ILogger logger, string name);

    [LoggerMessage(103, LogLevel.Warning, "'{Name}' exited with code {ExitCode}.")]
    public static partial void Exited(ILogger logger, string name, int exitCode);

    [LoggerMessage(104, LogLevel.Information, "Stopping.")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(105, LogLevel.Warning, "'{Name}' did not stop within {Seconds} s and was killed.")]
    public static partial void Killed(ILogger logger, string name, double seconds);

    [LoggerMessage(106, LogLevel.Error, "Stopping '{Name}' failed.")]
    public static partial void StopFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(107, LogLevel.Information, "Stopped; data is kept in {DataDirectory}.")]
    public static partial void Stopped(ILogger logger, string dataDirectory);

    [LoggerMessage(108, LogLevel.Information, "'{Name}' was stopped on request.")]
    public static partial void StoppedOnRequest(ILogger logger, string name);

    [LoggerMessage(109, LogLevel.Information, "'{Name}' was started on request and is ready (restart {Restarts}).")]
    public static partial void StartedOnRequest(ILogger logger, string name, int restarts);
}
