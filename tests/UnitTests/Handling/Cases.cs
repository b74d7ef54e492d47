using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.UnitTests.Handling;

/// <summary>Builds cases in any status through the legal transitions only, so a test never fakes a state.</summary>
internal static class Cases
{
    /// <summary>Monday 2026-11-23 10:00 in China.</summary>
    public static readonly DateTimeOffset RoutedAt = new(2026, 11, 23, 10, 0, 0, StatutoryCalendar.ChinaOffset);

    public static readonly DateTimeOffset AcceptedAt = RoutedAt.AddDays(3);

    public static PetitionRouted Routed(bool confidential = false, int attempt = 0) => new(
        Guid.NewGuid(), "130724/petition-bureau", confidential ? RoutingModes.ForwardToDiscipline : RoutingModes.Transfer,
        confidential ? "130724/discipline" : "130724/hrss", "沽源县人力资源和社会保障局",
        ["130000/petition-bureau", "130724/petition-bureau", "130724/hrss"], ["130724/justice"],
        "wage-arrears → hrss", confidential, attempt, null, null, RoutedAt);

    public static Case In(string status, bool confidential = false)
    {
        var c = Case.Open(Routed(confidential), Guid.NewGuid());
        switch (status)
        {
            case CaseStatuses.AwaitingAcceptance:
                break;
            case CaseStatuses.InProgress:
                Must(c.Accept("张科长", AcceptedAt));
                break;
            case CaseStatuses.Answered:
                Must(c.Accept("张科长", AcceptedAt));
                Must(c.Answer(Outcomes.Support, "已责令公司支付工资。", "《保障农民工工资支付条例》第三条", AcceptedAt.AddDays(20)));
                break;
            case CaseStatuses.Evaluated:
                Must(c.Accept("张科长", AcceptedAt));
                Must(c.Answer(Outcomes.Support, "已责令公司支付工资。", "《保障农民工工资支付条例》第三条", AcceptedAt.AddDays(20)));
                Must(c.Evaluate(Ratings.Satisfied, AcceptedAt.AddDays(22)));
                break;
            case CaseStatuses.Declined:
                Must(c.Decline("不属本单位职责", null, "130724/housing", RoutedAt.AddDays(1)));
                break;
            case CaseStatuses.Closed:
                Must(c.Supersede(RoutedAt.AddDays(1)));
                break;
            case CaseStatuses.ReviewRequested:
                Must(c.Accept("张科长", AcceptedAt));
                Must(c.Answer(Outcomes.Support, "已责令公司支付工资。", "《保障农民工工资支付条例》第三条", AcceptedAt.AddDays(20)));
                Must(c.RequestReview("130700/hrss", "不服处理意见", Guid.NewGuid(), AcceptedAt.AddDays(25), out _));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, c.Status);
        return c;
    }

    private static void Must(CaseTransition transition) => Assert.True(transition.IsAllowed, transition.Refusal);
}
