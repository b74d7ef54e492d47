namespace PetitionPlatform.Supervision.Domain;

/// <summary>A notice the deadline rule says is due for a clock; who receives it is decided from the unit's chain.</summary>
public sealed record DueNotice(WatchedClock Watched, string Kind, int Level)
{
    public string Key => NoticeKeys.ForClock(Watched.PetitionId, Watched.Clock, Kind, Level);
}
