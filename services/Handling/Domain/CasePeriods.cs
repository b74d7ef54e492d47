using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.Handling.Domain;

/// <summary>The case's clocks, all on the one statutory calendar (DOMAIN.md §5).</summary>
public static class CasePeriods
{
    /// <summary>The unit decides on acceptance within 15 days of receiving the matter, i.e. of the routing decision.</summary>
    public static DateTimeOffset AcceptanceDueBy(DateTimeOffset routedAt) =>
        StatutoryCalendar.China.DueBy(routedAt, StatutoryPeriods.AcceptanceDays);

    /// <summary>Handling runs 60 days from acceptance, plus the single extension when there is one (art. 34).</summary>
    public static DateTimeOffset HandlingDueBy(DateTimeOffset acceptedAt, int extensionDays = 0) =>
        StatutoryCalendar.China.DueBy(acceptedAt, StatutoryPeriods.HandlingDays + extensionDays);

    /// <summary>The petitioner may ask for a review within 30 days of the written answer (art. 35).</summary>
    public static DateTimeOffset ReviewDueBy(DateTimeOffset answeredAt) =>
        StatutoryCalendar.China.DueBy(answeredAt, StatutoryPeriods.ReviewRequestDays);

    /// <summary>The superior answers a review or re-review within 30 days of the request (art. 35–36).</summary>
    public static DateTimeOffset ReviewAnswerDueBy(DateTimeOffset requestedAt) =>
        StatutoryCalendar.China.DueBy(requestedAt, StatutoryPeriods.ReviewAnswerDays);
}
