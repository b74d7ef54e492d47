namespace PetitionPlatform.Hosting.ApplicationModel;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Stopping,
    Stopped,

    /// <summary>Its process ended while the host was running.</summary>
    Exited,
    FailedToStart,
}
