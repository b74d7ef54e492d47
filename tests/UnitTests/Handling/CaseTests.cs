using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Handling.Api;
using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.UnitTests.Handling;

public sealed class CaseTests
{
    private static DateTimeOffset EndOfDay(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 23, 59, 59, StatutoryCalendar.ChinaOffset);

    [Fact]
    public void A_routing_decision_opens_a_case_awaiting_acceptance_for_fifteen_days()
    {
        var routed = Cases.Routed() with { ReportBackDueBy = EndOfDay(2027, 2, 8) };

        var c = Case.Open(routed, Guid.NewGuid());

        Assert.Equal(CaseStatuses.AwaitingAcceptance, c.Status);
        Assert.Equal((routed.PetitionId, "130724/hrss", CaseStages.Original, RoutingModes.Transfer), (c.PetitionId, c.OrgId, c.Stage, c.Mode));
        Assert.Equal(["130724/justice"], c.CoHandlerOrgIds);
        // Monday 2026-11-23 + 15 days = Tuesday 2026-12-08.
        Assert.Equal(EndOfDay(2026, 12, 8), c.AcceptanceDueBy);
        Assert.Equal(c.AcceptanceDueBy, c.DueBy);
        Assert.Equal(EndOfDay(2027, 2, 8), c.ReportBackDueBy);
    }

    [Fact]
    public void The_running_clock_is_provisional_once_it_runs_into_a_year_without_its_holiday_notice()
    {
        var awaiting = Cases.In(CaseStatuses.AwaitingAcceptance);
        var accepted = Cases.In(CaseStatuses.InProgress);

        // Acceptance is due on 2026-12-08 (2026's notice is loaded); handling on 2027-01-25, counted on the national rules.
        Assert.False(awaiting.DueByProvisional);
        Assert.True(accepted.DueByProvisional);
        Assert.True(CaseView.From(accepted).DueByProvisional);
    }

    [Fact]
    public void The_responsible_unit_is_never_its_own_co_handler()
    {
        var routed = Cases.Routed() with { CoHandlerOrgIds = ["130724/hrss", "130724/justice", "130724/justice"] };

        Assert.Equal(["130724/justice"], Case.Open(routed, Guid.NewGuid()).CoHandlerOrgIds);
    }

    [Fact]
    public void Accepting_starts_the_sixty_day_handling_period_which_becomes_the_due_date()
    {
        var c = Cases.In(CaseStatuses.AwaitingAcceptance);

        Assert.True(c.Accept("张科长", Cases.AcceptedAt).IsAllowed);

        // Thursday 2026-11-26 + 60 days = Monday 2027-01-25, a working day.
        Assert.Equal(StatutoryCalendar.China.DueBy(Cases.AcceptedAt, 60), c.HandlingDueBy);
        Assert.Equal(EndOfDay(2027, 1, 25), c.HandlingDueBy);
        Assert.Equal(c.HandlingDueBy, c.DueBy);
        Assert.Equal("张科长", c.AcceptedBy);
    }

    [Fact]
    public void An_extension_adds_its_days_to_the_period_counted_from_acceptance()
    {
        var c = Cases.In(CaseStatuses.InProgress);

        Assert.True(c.Extend(30, "需委托鉴定", "王局长", Cases.AcceptedAt.AddDays(50)).IsAllowed);

        Assert.Equal(StatutoryCalendar.China.DueBy(Cases.AcceptedAt, 90), c.HandlingDueBy);
        Assert.Equal((30, "需委托鉴定", "王局长"), (c.ExtensionDays, c.ExtensionReason, c.ExtensionApprovedBy));
        Assert.Equal(CaseStatuses.InProgress, c.Status);
    }

    [Fact]
    public void The_period_is_extended_once_only()
    {
        var c = Cases.In(CaseStatuses.InProgress);
        Assert.True(c.Extend(5, "需现场核查", "王局长", Cases.AcceptedAt.AddDays(40)).IsAllowed);
        var due = c.HandlingDueBy;

        var second = c.Extend(5, "再次核查", "王局长", Cases.AcceptedAt.AddDays(60));

        Assert.False(second.IsAllowed);
        Assert.Contains("only once", second.Refusal, StringComparison.Ordinal);
        Assert.Equal((5, due), (c.ExtensionDays, c.HandlingDueBy));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(31)]
    public void An_extension_is_one_to_thirty_days(int days)
    {
        var c = Cases.In(CaseStatuses.InProgress);
        var due = c.HandlingDueBy;

        var transition = c.Extend(days, "理由", "王局长", Cases.AcceptedAt.AddDays(40));

        Assert.False(transition.IsAllowed);
        Assert.Null(c.ExtensionDays);
        Assert.Equal(due, c.HandlingDueBy);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public void The_bounds_of_an_extension_are_allowed(int days)
    {
        Assert.True(Cases.In(CaseStatuses.InProgress).Extend(days, "理由", "王局长", Cases.AcceptedAt.AddDays(40)).IsAllowed);
    }

    [Fact]
    public void An_answer_opens_the_thirty_days_for_asking_a_review()
    {
        var c = Cases.In(CaseStatuses.InProgress);
        var answeredAt = new DateTimeOffset(2026, 12, 15, 16, 0, 0, StatutoryCalendar.ChinaOffset);

        Assert.True(c.Answer(Outcomes.NotSupport, "经查，诉求缺乏依据。", "《信访工作条例》第三十三条", answeredAt).IsAllowed);

        // Tuesday 2026-12-15 + 30 days = Thursday 2027-01-14.
        Assert.Equal(EndOfDay(2027, 1, 14), c.ReviewDueBy);
        Assert.Equal((CaseStatuses.Answered, Outcomes.NotSupport), (c.Status, c.Outcome));
    }

    [Fact]
    public void A_declining_unit_gives_its_reason_and_may_name_another_unit_but_not_itself()
    {
        var c = Cases.In(CaseStatuses.AwaitingAcceptance);

        Assert.False(c.Decline("不属本单位", null, "130724/hrss", Cases.RoutedAt.AddDays(1)).IsAllowed);
        Assert.Equal(CaseStatuses.AwaitingAcceptance, c.Status);

        Assert.True(c.Decline("不属本单位", "三定方案", "130724/housing", Cases.RoutedAt.AddDays(1)).IsAllowed);
        Assert.Equal((CaseStatuses.Declined, "不属本单位", "三定方案", "130724/housing"), (c.Status, c.DeclineReason, c.DeclineLegalBasis, c.SuggestedOrgId));
    }

    [Fact]
    public void Co_handlers_are_added_once_each()
    {
        var c = Cases.In(CaseStatuses.InProgress);

        Assert.True(c.AddCoHandlers(["130724/housing", "130724/justice", "130724/housing"], out var added).IsAllowed);

        Assert.Equal(["130724/housing"], added);
        Assert.Equal(["130724/justice", "130724/housing"], c.CoHandlerOrgIds);
    }

    [Fact]
    public void The_lead_unit_cannot_be_its_own_co_handler()
    {
        var c = Cases.In(CaseStatuses.InProgress);

        Assert.False(c.AddCoHandlers(["130724/hrss"], out var added).IsAllowed);
        Assert.Empty(added);
    }

    [Fact]
    public void A_confidential_report_never_gets_co_handlers()
    {
        var c = Cases.In(CaseStatuses.InProgress, confidential: true);
        var before = c.CoHandlerOrgIds.ToList();

        var transition = c.AddCoHandlers(["130724/hrss"], out var added);

        Assert.False(transition.IsAllowed);
        Assert.Contains("alone", transition.Refusal, StringComparison.Ordinal);
        Assert.Empty(added);
        Assert.Equal(before, c.CoHandlerOrgIds);
    }

    [Fact]
    public void Evaluation_records_the_rating_once()
    {
        var c = Cases.In(CaseStatuses.Answered);

        Assert.True(c.Evaluate(Ratings.BasicallySatisfied, Cases.AcceptedAt.AddDays(25)).IsAllowed);
        Assert.False(c.Evaluate(Ratings.Dissatisfied, Cases.AcceptedAt.AddDays(26)).IsAllowed);

        Assert.Equal((CaseStatuses.Evaluated, Ratings.BasicallySatisfied), (c.Status, c.Rating));
    }

    [Fact]
    public void A_superseded_case_is_closed_and_accepts_nothing_more()
    {
        var c = Cases.In(CaseStatuses.InProgress);

        Assert.True(c.Supersede(Cases.AcceptedAt.AddDays(2)).IsAllowed);

        Assert.Equal(CaseStatuses.Closed, c.Status);
        Assert.False(c.Answer(Outcomes.Support, "x", "y", Cases.AcceptedAt.AddDays(3)).IsAllowed);
    }
}
