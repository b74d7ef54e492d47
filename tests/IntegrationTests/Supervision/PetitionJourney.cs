using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.IntegrationTests.Support;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// The events of one wage-arrears petition in Guyuan county as intake, routing and handling publish them, dated
/// relative to the tests' <see cref="Today"/>, which the service under test takes for its own (<see cref="Clock"/>);
/// due dates come from the one statutory calendar.
/// </summary>
internal sealed class PetitionJourney(DateTimeOffset registeredAt)
{
    public const string Bureau = "130000/petition-bureau";
    public const string Hrss = "130724/hrss";
    public const string HrssName = "沽源县人力资源和社会保障局";
    public const string TrackingCode = "7K3M-Q9TX-2B8R-WD4N";

    public Guid PetitionId { get; } = Guid.NewGuid();

    public Guid CaseId { get; } = Guid.NewGuid();

    public string Number { get; } = $"130724-{registeredAt:yyyyMMdd}-{Random.Shared.Next(1, 99999):D5}";

    public DateTimeOffset RegisteredAt { get; } = registeredAt;

    public DateTimeOffset RoutedAt => RegisteredAt.AddDays(1);

    public DateTimeOffset AcceptedAt => RoutedAt.AddDays(1);

    public DateTimeOffset ExtendedAt => AcceptedAt.AddHours(5);

    public DateTimeOffset AnsweredAt => AcceptedAt.AddDays(1);

    public DateTimeOffset EvaluatedAt => AnsweredAt.AddHours(3);

    /// <summary>
    /// The day the tests take for today, not the day they run: a period counted back from the real today met Spring
    /// Festival on some days of the year and not on others, and a test's outcome followed the date. The two months
    /// before it hold no holiday of 2026's notice (Dragon Boat was 19 June, Mid-Autumn is 25 September), so a journey
    /// started up to sixty days earlier is overdue by now, or not, by its period alone.
    /// </summary>
    public static readonly DateTimeOffset Today = new(2026, 9, 10, 10, 0, 0, StatutoryCalendar.ChinaOffset);

    /// <summary>A clock for the service under test that starts at <see cref="Today"/> and runs from there.</summary>
    public static TimeProvider Clock() => new TestClock(Today);

    /// <summary>A journey whose every step lies before <see cref="Today"/>: registration <paramref name="daysAgo"/> days earlier.</summary>
    public static PetitionJourney Started(int daysAgo) => new(Today.AddDays(-daysAgo));

    /// <summary>
    /// A journey far ahead of the real now, on fixed dates: the service's own periodic run never finds it due, and its
    /// periods meet no holiday (July and early August have none), whatever day the tests run.
    /// </summary>
    public static PetitionJourney AheadOnFixedDates() => new(new DateTimeOffset(2098, 7, 1, 9, 30, 0, StatutoryCalendar.ChinaOffset));

    public static DateTimeOffset DueBy(DateTimeOffset start, int days) => StatutoryCalendar.China.DueBy(start, days);

    public PetitionRegistered Registered() => new(
        PetitionId, Number, "online", "complaint", "wage-arrears", "130724102", Bureau, 35, RegisteredAt, TrackingCodes.Hash(TrackingCode));

    public PetitionRouted Routed() => new(
        PetitionId, Bureau, RoutingModes.Transfer, Hrss, HrssName, [Bureau, "130724/petition-bureau", Hrss], [],
        "wage-arrears: labour inspection at the county where it arose", false, 0, null, null, RoutedAt);

    public CaseOpened Opened() => new(
        PetitionId, CaseId, Hrss, CaseStages.Original, RoutingModes.Transfer, DueBy(RoutedAt, 15), null, false, RoutedAt);

    public CaseAccepted Accepted() => new(PetitionId, CaseId, Hrss, CaseStages.Original, "labour inspection brigade", DueBy(AcceptedAt, 60), false, AcceptedAt);

    public CaseExtended Extended() => new(PetitionId, CaseId, Hrss, 20, "bank records requested", "head of bureau", DueBy(AcceptedAt, 80), ExtendedAt);

    public CaseAnswered Answered() => new(
        PetitionId, CaseId, Hrss, CaseStages.Original, Outcomes.Support, "The company must pay the wages owed within 30 days.",
        "Regulation on Labour Security Supervision, art. 26", DueBy(AnsweredAt, 30), false, AnsweredAt);

    public CaseEvaluated Evaluated() => new(PetitionId, CaseId, Hrss, CaseStages.Original, Ratings.Satisfied, EvaluatedAt);
}
