namespace PetitionPlatform.Contracts.Periods;

/// <summary>
/// The report-back date of an assigned matter (交办): by default the end of the handling period. Acceptance and handling
/// are counted from the routing decision, an approximation that holds until the unit actually accepts. Routing sets it
/// with the decision; handling counts it again when a holiday notice is loaded.
/// </summary>
public static class ReportBack
{
    public static DateTimeOffset DueBy(DateTimeOffset assignedAt) =>
        StatutoryCalendar.China.DueBy(assignedAt, StatutoryPeriods.AcceptanceDays + StatutoryPeriods.HandlingDays);
}
