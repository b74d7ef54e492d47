using PetitionPlatform.Contracts;
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

    /// <summary>
    /// The answer's due date of an accepted case of <paramref name="stage"/>: the stage's period (60 days for the original
    /// handling, 30 for a review or re-review) plus the extension, plus every day of a hearing, which the regulation does
    /// not count in a review period. Always counted again from the start, so a period that had been carried over a rest
    /// day is not carried twice: only the new last day is moved to a working day.
    /// </summary>
    public static DateTimeOffset AnswerDueBy(string stage, DateTimeOffset acceptedAt, int extensionDays, int hearingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extensionDays);
        ArgumentOutOfRangeException.ThrowIfNegative(hearingDays);
        var period = stage == CaseStages.Original ? StatutoryPeriods.HandlingDays : StatutoryPeriods.ReviewAnswerDays;
        return StatutoryCalendar.China.DueBy(acceptedAt, period + extensionDays + hearingDays);
    }

    /// <summary>The calendar days a hearing takes: its first and its last day both count.</summary>
    public static int HearingDays(DateOnly startedOn, DateOnly endedOn)
    {
        if (endedOn < startedOn)
        {
            throw new ArgumentOutOfRangeException(nameof(endedOn), endedOn, "A hearing cannot end before it started.");
        }

        return endedOn.DayNumber - startedOn.DayNumber + 1;
    }
}
