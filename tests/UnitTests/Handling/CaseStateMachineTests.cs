using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Domain;
using static PetitionPlatform.Handling.Domain.CaseStatuses;

namespace PetitionPlatform.UnitTests.Handling;

public sealed class CaseStateMachineTests
{
    /// <summary>The whole table: every pair not listed here must be refused.</summary>
    private static readonly Dictionary<(string From, CaseAction Action), string> s_legal = new()
    {
        [(AwaitingAcceptance, CaseAction.Accept)] = InProgress,
        [(AwaitingAcceptance, CaseAction.Decline)] = Declined,
        [(AwaitingAcceptance, CaseAction.AddCoHandlers)] = AwaitingAcceptance,
        [(AwaitingAcceptance, CaseAction.Supersede)] = Closed,
        [(InProgress, CaseAction.AddCoHandlers)] = InProgress,
        [(InProgress, CaseAction.Extend)] = InProgress,
        [(InProgress, CaseAction.Answer)] = Answered,
        [(InProgress, CaseAction.Supersede)] = Closed,
        [(Answered, CaseAction.Evaluate)] = Evaluated,
        [(Answered, CaseAction.RequestReview)] = ReviewRequested,
        [(Evaluated, CaseAction.RequestReview)] = ReviewRequested,
        [(AwaitingAcceptance, CaseAction.Terminate)] = Closed,
        [(InProgress, CaseAction.Terminate)] = Closed,
        [(InProgress, CaseAction.AddFindings)] = InProgress,
        [(InProgress, CaseAction.RecordHearing)] = InProgress,
    };

    public static TheoryData<string, CaseAction> EveryPair()
    {
        var data = new TheoryData<string, CaseAction>();
        foreach (var status in All)
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_status_allows_exactly_the_actions_of_the_lifecycle(string from, CaseAction action)
    {
        var transition = CaseStateMachine.Decide(from, action);

        if (s_legal.TryGetValue((from, action), out var to))
        {
            Assert.True(transition.IsAllowed, transition.Refusal);
            Assert.Equal(to, transition.To);
        }
        else
        {
            Assert.False(transition.IsAllowed, $"{action} from {from} must be refused");
            Assert.Null(transition.To);
            Assert.StartsWith("Cannot ", transition.Refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_aggregate_changes_nothing_when_the_table_refuses(string from, CaseAction action)
    {
        if (s_legal.ContainsKey((from, action)))
        {
            return;
        }

        var c = Cases.In(from);
        var before = (c.Status, c.HandlingDueBy, c.ExtensionDays, c.AnsweredAt, c.Rating, c.DeclinedAt, c.ClosedAt, c.CoHandlerOrgIds.Count, c.Findings.Count, c.Hearings.Count);

        var transition = Act(c, action);

        Assert.False(transition.IsAllowed);
        Assert.Equal(before, (c.Status, c.HandlingDueBy, c.ExtensionDays, c.AnsweredAt, c.Rating, c.DeclinedAt, c.ClosedAt, c.CoHandlerOrgIds.Count, c.Findings.Count, c.Hearings.Count));
    }

    [Fact]
    public void A_refusal_says_why_in_terms_of_the_case()
    {
        Assert.Contains("not been answered", CaseStateMachine.Decide(InProgress, CaseAction.Evaluate).Refusal, StringComparison.Ordinal);
        Assert.Contains("already accepted", CaseStateMachine.Decide(InProgress, CaseAction.Decline).Refusal, StringComparison.Ordinal);
        Assert.Contains("routed again", CaseStateMachine.Decide(Closed, CaseAction.Accept).Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AwaitingAcceptance, true)]
    [InlineData(InProgress, true)]
    [InlineData(Answered, false)]
    [InlineData(Evaluated, false)]
    [InlineData(Declined, false)]
    [InlineData(Closed, false)]
    [InlineData(ReviewRequested, false)]
    public void Only_a_case_still_being_worked_on_is_replaced_by_a_new_routing_decision(string status, bool open)
    {
        Assert.Equal(open, CaseStateMachine.IsOpen(status));
    }

    private static CaseTransition Act(Case c, CaseAction action)
    {
        var at = Cases.AcceptedAt.AddDays(30);
        return action switch
        {
            CaseAction.Accept => c.Accept("李主任", at),
            CaseAction.Decline => c.Decline("不属本单位职责", null, null, at),
            CaseAction.AddCoHandlers => c.AddCoHandlers(["130724/housing"], out _),
            CaseAction.Extend => c.Extend(10, "需现场核查", "王局长", at),
            CaseAction.Answer => c.Answer("explain", "说明", "条例", at),
            CaseAction.Evaluate => c.Evaluate("satisfied", at),
            CaseAction.Supersede => c.Supersede(at),
            CaseAction.RequestReview => c.RequestReview("130700/hrss", "不服处理意见", Guid.NewGuid(), at, out _),
            CaseAction.Terminate => c.Terminate(at),
            CaseAction.AddFindings => c.AddFindings("130724/justice", "司法所意见", at),
            CaseAction.RecordHearing => c.RecordHearing(c.OrgId, StatutoryCalendar.DayOf(at), StatutoryCalendar.DayOf(at), at),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
