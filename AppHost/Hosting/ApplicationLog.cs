using Microsoft.Extensions.Logging;

namespace PetitionPlatform.Hosting;

internal static partial class ApplicationLog
{
    [LoggerMessage(201, LogLevel.Information, "Everything is running; press Ctrl+C to stop.")]
    public static partial void Running(ILogger logger);
}
