using System.Globalization;

namespace PetitionPlatform.Supervision.Domain;

/// <summary>
/// The uniqueness keys of notices (column <c>supervision_notices.dedup_key</c>, unique). A deadline notice is issued
/// once per clock, deadline, kind and level: the deadline is part of the key because an extension sets a new one,
/// which deserves its own reminder.
/// </summary>
public static class NoticeKeys
{
    public static string ForClock(Guid petitionId, StageClock clock, string kind, int level) => string.Join(':',
        petitionId.ToString("N"), clock.Stage, clock.CaseId?.ToString("N") ?? "-",
        clock.DueBy.ToUniversalTime().ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture), kind,
        level.ToString(CultureInfo.InvariantCulture));

    public static string ForCollectivePetition(Guid petitionId) => $"{petitionId:N}:{EarlyWarnings.CollectivePetition}";

    public static string ForTopicSpike(string countyCode, string topic, DateTimeOffset windowStart) =>
        $"{EarlyWarnings.TopicSpike}:{countyCode}:{topic}:{windowStart.ToUniversalTime().ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture)}";
}
