using PetitionPlatform.Contracts;
using PetitionPlatform.Routing.Data.Seed;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.UnitTests.Routing;

public sealed class DeclineRulesTests
{
    private static readonly OrgDirectory s_directory = DirectorySeed.Load().ToDirectory();
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static (PetitionFacts Facts, RoutePlan Route) First(string topic, string region, string receivedBy, string kind = "complaint")
    {
        var facts = new PetitionFacts(kind, topic, null, region, receivedBy);
        return (facts, RoutingRules.Decide(facts, s_directory, s_now));
    }

    [Fact]
    public void The_suggested_unit_takes_over_and_the_path_grows()
    {
        var (facts, route) = First("wage-arrears", "130724102", "130000/petition-bureau");

        var outcome = DeclineRules.Next(s_directory, facts, route, ["130724/hrss"], 1, "130724/hrss", "a contract dispute, not wages", "130724/agriculture");

        var rerouted = Assert.IsType<DeclineOutcome.Rerouted>(outcome);
        Assert.Equal("130724/agriculture", rerouted.Plan.Responsible.Id);
        Assert.Equal(RoutingModes.Transfer, rerouted.Plan.Mode);
        Assert.Equal(["130000/petition-bureau", "130700/petition-bureau", "130724/hrss", "130724/agriculture"], rerouted.Plan.Path);
        Assert.Contains("declined by 130724/hrss: a contract dispute, not wages", rerouted.Plan.Rule, StringComparison.Ordinal);
        Assert.Contains("suggested 130724/agriculture", rerouted.Plan.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neighbour_dispute_declined_by_the_township_falls_back_to_the_county_justice_bureau()
    {
        var (facts, route) = First("neighbour-dispute", "130724102", "130724/petition-bureau");

        var outcome = DeclineRules.Next(s_directory, facts, route, ["130724102/township-gov"], 1, "130724102/township-gov", "needs legal aid", null);

        Assert.Equal("130724/justice", Assert.IsType<DeclineOutcome.Rerouted>(outcome).Plan.Responsible.Id);
    }

    [Fact]
    public void With_no_candidate_the_bureau_one_level_up_must_decide()
    {
        var (facts, route) = First("wage-arrears", "130724102", "130724/petition-bureau");

        var outcome = DeclineRules.Next(s_directory, facts, route, ["130724/hrss"], 1, "130724/hrss", "not ours", "130724/hrss");

        var required = Assert.IsType<DeclineOutcome.DecisionRequired>(outcome);
        Assert.Equal("130700/petition-bureau", required.DeciderOrgId);
        Assert.Contains("already had the matter", required.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matter_bounced_between_units_goes_to_the_joint_conference_one_level_up()
    {
        var (facts, route) = First("wage-arrears", "500116010", "500116/petition-bureau");

        var outcome = DeclineRules.Next(s_directory, facts, route, ["500116/hrss", "500116/housing"], 2, "500116/hrss", "not ours", null);

        Assert.Equal("500000/joint-conference", Assert.IsType<DeclineOutcome.DecisionRequired>(outcome).DeciderOrgId);
    }

    [Fact]
    public void A_suggested_unit_unknown_to_the_directory_is_not_taken()
    {
        var (facts, route) = First("medical", "330523", "330523/petition-bureau");

        var outcome = DeclineRules.Next(s_directory, facts, route, ["330523/health"], 1, "330523/health", "not ours", "330523/nowhere");

        Assert.Contains("not in the directory", Assert.IsType<DeclineOutcome.DecisionRequired>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_is_never_sent_outside_discipline_inspection()
    {
        var (facts, route) = First("official-misconduct", "130724102", "130724/petition-bureau", "report");

        var outcome = DeclineRules.Next(s_directory, facts, route, ["130724/discipline"], 1, "130724/discipline", "city official", "130724/hrss");

        var required = Assert.IsType<DeclineOutcome.DecisionRequired>(outcome);
        Assert.Equal("130700/discipline", required.DeciderOrgId);
        Assert.Contains("outside discipline inspection", required.Reason, StringComparison.Ordinal);

        var upward = DeclineRules.Next(s_directory, facts, route, ["130724/discipline"], 1, "130724/discipline", "city official", "130700/discipline");
        var rerouted = Assert.IsType<DeclineOutcome.Rerouted>(upward);
        Assert.Equal(RoutingModes.ForwardToDiscipline, rerouted.Plan.Mode);
        Assert.True(rerouted.Plan.Confidential);
    }

    [Fact]
    public void At_province_level_the_provincial_joint_conference_decides()
    {
        var declining = s_directory.FindOrganization("130000/hrss")!;
        Assert.Equal("130000/joint-conference", DeclineRules.Decider(s_directory, declining, confidential: false, declines: 1).Id);
    }
}
