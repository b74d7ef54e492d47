using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Supervision.Api;

/// <summary>Answers show instants in China Standard Time, the time the statutory periods are counted in.</summary>
internal static class ChinaTime
{
    public static DateTimeOffset InChina(this DateTimeOffset instant) => instant.ToOffset(StatutoryCalendar.ChinaOffset);

    public static DateTimeOffset? InChina(this DateTimeOffset? instant) => instant?.ToOffset(StatutoryCalendar.ChinaOffset);
}
