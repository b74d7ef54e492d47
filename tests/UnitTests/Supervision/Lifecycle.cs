using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>
/// The events of one petition in Guyuan county (DOMAIN.md §9), with the due dates handling and routing would put in
/// them, computed by the one statutory calendar.
/// </summary>
internal sealed class Lifecycle
{
    public const string Bureau = "130000/petition-bureau";
    public const string Hrss = "130724/hrss";
    public const string Township = "130724102/township-gov";

    public Guid PetitionId { get; } = Guid.NewGuid();

    public Guid CaseId { get; } = Guid.NewGuid();

    /// <summary>Monday 2 March 2026, 10:00 in China.</summary>
    public DateTimeOffset RegisteredAt { get; } = new(2026, 3, 2, 10, 0, 0, StatutoryCalendar.ChinaOffset);

    public DateTimeOffset RoutedAt => RegisteredAt.AddDays(2);

    public DateTimeOffset AcceptedAt => RoutedAt.AddDays(3);

    public DateTimeOffset ExtendedAt => AcceptedAt.AddDays(50);

    public DateTimeOffset AnsweredAt => AcceptedAt.AddDays(70);

    public DateTimeOffset EvaluatedAt => AnsweredAt.AddDays(2);

    public static DateTimeOffset DueBy(DateTimeOffset start, int days) => StatutoryCalendar.China.DueBy(start, days);

    public PetitionRegistered Registered() => new(
        PetitionId, "130724-20260302-00001", "online", "complaint", "wage-arrears", "130724102", Bureau, 35, RegisteredAt,
        TrackingCodes.Hash("ABCD-EFGH-JKMN-PQRS"));

    public PetitionRouted Routed(string mode = RoutingModes.Transfer, string to = Hrss, int attempt = 0, DateTimeOffset? at = null) => new(
        PetitionId, Bureau, mode, to, "沽源县人力资源和社会保障局", [Bureau, "130724/petition-bureau", to], [],
        "wage-arrears → hrss (谁主管、谁负责)", mode == RoutingModes.ForwardToDiscipline, attempt,
        mode == RoutingModes.Assign ? DueBy(at ?? RoutedAt, 75) : null,
        mode == RoutingModes.GuideToLegal ? "向沽源县人民法院提起诉讼" : null, at ?? RoutedAt);

    public CaseOpened Opened(string mode = RoutingModes.Transfer, Guid? caseId = null, string org = Hrss, DateTimeOffset? at = null) => new(
        PetitionId, caseId ?? CaseId, org, CaseStages.Original, mode, DueBy(at ?? RoutedAt, 15),
        mode == RoutingModes.Assign ? DueBy(at ?? RoutedAt, 75) : null, false, at ?? RoutedAt);

    public CaseAccepted Accepted() => new(PetitionId, CaseId, Hrss, CaseStages.Original, "张科长", DueBy(AcceptedAt, 60), false, AcceptedAt);

    public CaseDeclined Declined(DateTimeOffset at) => new(
        PetitionId, CaseId, Hrss, CaseStages.Original, "内部理由：不属本单位职责", null, Township, false, at);

    public CaseExtended Extended() => new(PetitionId, CaseId, Hrss, 30, "需调取银行流水", "局长", DueBy(AcceptedAt, 90), ExtendedAt);

    public CaseAnswered Answered() => new(
        PetitionId, CaseId, Hrss, CaseStages.Original, Outcomes.Support, "责令公司三十日内支付拖欠工资。", "劳动保障监察条例第二十六条",
        DueBy(AnsweredAt, 30), false, AnsweredAt);

    public CaseEvaluated Evaluated() => new(PetitionId, CaseId, Hrss, CaseStages.Original, Ratings.Satisfied, EvaluatedAt);

    /// <summary>The main path: transferred, accepted, extended, answered, rated.</summary>
    public IReadOnlyList<IPetitionEvent> MainPath() =>
        [Registered(), Routed(), Opened(), Accepted(), Extended(), Answered(), Evaluated()];
}
