using System.Globalization;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Supervision.Domain;

/// <summary>The reason a notice gives, in words: which petition, which clock, which deadline, and the leader in charge.</summary>
public static class NoticeReasons
{
    public static string ForDeadline(DueNotice notice, string unit, PetitionLeader? leader)
    {
        var clock = notice.Watched.Clock;
        var petition = notice.Watched.Number ?? notice.Watched.PetitionId.ToString();
        var dueOn = StatutoryCalendar.DayOf(clock.DueBy).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = notice.Kind switch
        {
            NoticeKinds.Reminder => $"The {clock.Stage} period of petition {petition} at {unit} ends on {dueOn}: seven days' warning.",
            NoticeKinds.Overdue => $"The {clock.Stage} period of petition {petition} at {unit} ran out on {dueOn}: act on it at once and report.",
            _ => $"The {clock.Stage} period of petition {petition} at {unit} ran out on {dueOn} and is still open: escalated, step {notice.Level}.",
        };
        return WithLeader(text, leader);
    }

    public static string ForCollectivePetition(string? number, int headcount, string topic, PetitionLeader? leader) =>
        WithLeader($"Collective petition {number}: {headcount} people on {topic}; report to the local leadership and the joint conference.", leader);

    public static string ForTopicSpike(string countyCode, string topic, int count, DateTimeOffset windowStart, TimeSpan window) =>
        $"{count} petitions on {topic} in region {countyCode} within {window.TotalHours.ToString(CultureInfo.InvariantCulture)} hours from "
        + $"{windowStart.ToOffset(StatutoryCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}: look for a common cause.";

    private static string WithLeader(string text, PetitionLeader? leader) =>
        leader is null ? text : $"{text} Leader in charge (包案): {leader.Leader}, {leader.OrgId}.";
}
