namespace PetitionPlatform.AppHost.Recovery;

/// <summary>
/// Which ends of a resource the app host answers with a start of its own, and how long it waits first. Pure (states as
/// Aspire names them, exit codes, times), so the unit tests read it without a stack; the app host's <c>RestartPolicy</c> applies it.
/// </summary>
public static class RestartRule
{
    /// <summary>
    /// The waits before the first, second, … start after an unexpected end. Short at first (a SIGKILLed service should be
    /// back in seconds), capped so that a resource that cannot run is not started in a tight loop.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> BackOff =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>A resource that ran this long before it died starts the back-off afresh: it was not crash-looping.</summary>
    public static readonly TimeSpan Stable = TimeSpan.FromMinutes(1);

    /// <summary>The wait before a start on back-off step <paramref name="step"/> (0 for the first start after a stable run).</summary>
    public static TimeSpan DelayBefore(int step) => BackOff[Math.Clamp(step, 0, BackOff.Count - 1)];

    /// <summary>
    /// The back-off step of the start that answers a death: the next one up while the resource keeps dying young,
    /// the first again after a stable run. <paramref name="startsSoFar"/> counts the starts since the last stable run.
    /// </summary>
    public static int StepFor(int startsSoFar, TimeSpan ranFor) => ranFor >= Stable ? 0 : startsSoFar;

    /// <summary>
    /// Whether an end is unexpected and so answered with a start. Only a resource that was running counts (one that
    /// never came up, <c>FailedToStart</c>, needs a person); an end the operator asked for does not (Stop or Restart on
    /// the dashboard, seen as a <c>Stopping</c> state or DCP's <c>Terminated</c>), and neither does exit code 0, a
    /// process that was asked to end with SIGTERM and did so. Anything else — SIGKILL, a crash, an exit code other
    /// than 0, a container that vanished without one — is a death.
    /// </summary>
    public static bool IsUnexpectedEnd(string? wasRunning, string? state, int? exitCode, bool stopRequested)
    {
        if (wasRunning != "Running" || stopRequested)
        {
            return false;
        }

        return state is "Exited" or "Finished" && exitCode != 0;
    }
}
