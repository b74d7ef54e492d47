namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// The early-warning rules (风险预测预警, DOMAIN.md §6), pure.
/// <list type="bullet">
/// <item>collective petition: a registration with a headcount of five or more raises an alert at once;</item>
/// <item>topic spike: the registrations of one topic in one county-level region whose registration instants fall in one
/// window (fixed windows of <c>Window</c> length counted from midnight China time, 1 January 2000) reach the threshold.
/// One alert per county, topic and window.</item>
/// </list>
/// </summary>
public static class EarlyWarnings
{
    public const string CollectivePetition = "collective-petition";
    public const string TopicSpike = "topic-spike";

    /// <summary>Five or more people make a collective petition (DOMAIN.md §2).</summary>
    public const int CollectiveHeadcount = 5;

    private static readonly DateTimeOffset s_windowOrigin = new(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static bool IsCollective(int headcount) => headcount >= CollectiveHeadcount;

    /// <summary>The start of the fixed window <paramref name="instant"/> falls in: with a 24-hour window, the China calendar day.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset instant, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var elapsed = instant - s_windowOrigin;
        var index = (long)Math.Floor(elapsed.Ticks / (double)window.Ticks);
        return s_windowOrigin.AddTicks(index * window.Ticks);
    }

    public static bool IsSpike(int registrationsInWindow, int threshold) => registrationsInWindow >= threshold;
}
