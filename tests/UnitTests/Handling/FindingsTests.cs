using PetitionPlatform.Handling.Domain;

namespace PetitionPlatform.UnitTests.Handling;

/// <summary>Joint handling (会办): who may add findings to a case, and when.</summary>
public sealed class FindingsTests
{
    private static readonly DateTimeOffset At = Cases.AcceptedAt.AddDays(10);

    [Fact]
    public void A_co_handler_adds_its_findings_to_an_accepted_case()
    {
        var c = Cases.In(CaseStatuses.InProgress);

        Assert.True(c.AddFindings("130724/justice", "经调解，双方对欠薪数额无争议。", At).IsAllowed);

        var finding = Assert.Single(c.Findings);
        Assert.Equal(("130724/justice", "经调解，双方对欠薪数额无争议。", At), (finding.OrgId, finding.Text, finding.At));
        Assert.Equal(CaseStatuses.InProgress, c.Status);
    }

    [Fact]
    public void The_lead_unit_may_add_findings_too_and_they_are_kept_in_order()
    {
        var c = Cases.In(CaseStatuses.InProgress);

        Assert.True(c.AddFindings("130724/justice", "司法所意见", At).IsAllowed);
        Assert.True(c.AddFindings("130724/hrss", "劳动监察意见", At.AddHours(1)).IsAllowed);

        Assert.Equal(["130724/justice", "130724/hrss"], c.Findings.Select(f => f.OrgId));
    }

    [Fact]
    public void A_unit_outside_the_case_cannot_add_findings()
    {
        var c = Cases.In(CaseStatuses.InProgress);

        Assert.False(c.IsHandledBy("130724/housing"));
        var refused = c.AddFindings("130724/housing", "住建局意见", At);

        Assert.False(refused.IsAllowed);
        Assert.Contains("130724/housing", refused.Refusal, StringComparison.Ordinal);
        Assert.Empty(c.Findings);
    }

    [Fact]
    public void A_unit_added_as_co_handler_later_takes_part_from_then_on()
    {
        var c = Cases.In(CaseStatuses.InProgress);
        Assert.True(c.AddCoHandlers(["130724/housing"], out _).IsAllowed);

        Assert.True(c.IsHandledBy("130724/housing"));
        Assert.True(c.AddFindings("130724/housing", "住建局意见", At).IsAllowed);
    }

    [Theory]
    [InlineData(CaseStatuses.AwaitingAcceptance, "not accepted")]
    [InlineData(CaseStatuses.Answered, "already been answered")]
    [InlineData(CaseStatuses.Evaluated, "already evaluated")]
    [InlineData(CaseStatuses.Declined, "declined")]
    [InlineData(CaseStatuses.Closed, "closed")]
    [InlineData(CaseStatuses.ReviewRequested, "review")]
    public void Findings_are_added_only_while_the_case_is_being_handled(string status, string why)
    {
        var c = Cases.In(status);

        var refused = c.AddFindings("130724/justice", "司法所意见", At);

        Assert.False(refused.IsAllowed);
        Assert.Contains(why, refused.Refusal, StringComparison.Ordinal);
        Assert.Empty(c.Findings);
    }

    [Fact]
    public void Only_the_lead_unit_handles_a_confidential_case_even_if_a_decision_listed_co_handlers()
    {
        // Cases.Routed lists 130724/justice as co-handler on every decision, the confidential one included.
        var c = Cases.In(CaseStatuses.InProgress, confidential: true);

        Assert.Empty(c.CoHandlerOrgIds);
        Assert.False(c.IsHandledBy("130724/justice"));
        Assert.False(c.AddFindings("130724/justice", "意见", At).IsAllowed);
        Assert.True(c.IsHandledBy("130724/discipline"));
    }
}
