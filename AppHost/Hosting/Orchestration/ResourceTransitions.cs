using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>Which commands a resource accepts in which state, and in words why not.</summary>
internal static class ResourceTransitions
{
    public const string HostStopping = "The host is stopping; nothing starts or stops on request any more.";

    /// <summary>Null when <paramref name="command"/> may run now; otherwise the reason it may not.</summary>
    public static string? Refusal(IResource resource, ResourceCommand command, bool hostStopping)
    {
        if (hostStopping)
        {
            return HostStopping;
        }

        if (resource is not ProjectResource)
        {
            // One server (and its databases) serves every service: stopping it would take them all down at once.
            return $"'{resource.Name}' is a {resource.Kind} resource shared by every service that references it; only projects can be started, stopped or restarted.";
        }

        var state = resource.State;
        return (command, state) switch
        {
            (_, ResourceState.NotStarted or ResourceState.Waiting) => $"'{resource.Name}' has not been started by the host yet; wait until the host is running.",
            (_, ResourceState.Starting or ResourceState.Stopping) => $"'{resource.Name}' is {Words(state)}; wait until it is done.",
            (ResourceCommand.Start, ResourceState.Running) => $"'{resource.Name}' is already running; restart it instead.",
            (ResourceCommand.Start, ResourceState.Stopped or ResourceState.Exited or ResourceState.FailedToStart) => null,
            (ResourceCommand.Stop, ResourceState.Running) => null,
            (ResourceCommand.Stop, ResourceState.Stopped) => $"'{resource.Name}' is already stopped.",
            (ResourceCommand.Stop, ResourceState.Exited or ResourceState.FailedToStart) => $"'{resource.Name}' is not running (it is {Words(state)}); start it instead.",
            (ResourceCommand.Restart, ResourceState.Running or ResourceState.Stopped or ResourceState.Exited or ResourceState.FailedToStart) => null,
            _ => $"'{resource.Name}' cannot {command.ToString().ToLowerInvariant()} while it is {Words(state)}.",
        };
    }

    /// <summary>The commands <paramref name="resource"/> accepts now, for a page to offer only those.</summary>
    public static IReadOnlyList<ResourceCommand> Allowed(IResource resource, bool hostStopping) =>
        [.. Enum.GetValues<ResourceCommand>().Where(command => Refusal(resource, command, hostStopping) is null)];

    private static string Words(ResourceState state) => state switch
    {
        ResourceState.NotStarted => "not started",
        ResourceState.FailedToStart => "failed to start",
        _ => state.ToString().ToLowerInvariant(),
    };
}
