using Microsoft.Extensions.Logging;

namespace PetitionPlatform.Hosting.Containers;

internal static partial class ContainerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Starting '{Server}' from image {Image}")]
    public static partial void Starting(ILogger logger, string server, string image);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed container {ContainerId} ('{Server}') left by process {Owner}, which is gone")]
    public static partial void RemovedLeftover(ILogger logger, string containerId, string server, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed volume {Volume}: its data directory {Directory} no longer exists")]
    public static partial void RemovedOrphanVolume(ILogger logger, string volume, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove leftover {What} {Id}")]
    public static partial void LeftoverNotRemoved(ILogger logger, string what, string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The engine did not confirm removing the container of '{Server}' ({ContainerId}) in time; it finishes on its own, and a later start sweeps it if not")]
    public static partial void RemovalUnconfirmed(ILogger logger, string server, string containerId, Exception exception);
}
