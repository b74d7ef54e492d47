using PetitionPlatform.Contracts;
using PetitionPlatform.Routing.Data.Seed;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.UnitTests.Intake;

/// <summary>Routing's half of repeat petitions: back to the unit that answered.</summary>
public sealed class RepeatsRoutingTests
{
    private static readonly OrgDirectory s_directory = DirectorySeed.Load().ToDirectory();

    [Fact]
    public void A_repeat_is_transferred_back_to_the_unit_that_answered_with_the_original_named_in_the_rule()
    {
        var facts = new PetitionFacts("complaint", "wage-arrears", null, "130724102", "130000/petition-bureau");

        var route = RepeatRouting.Decide(facts, s_directory, "130724/hrss", "130724-20261102-00001")!;

        Assert.Equal(RoutingModes.Transfer, route.Mode);
        Assert.Equal("130724/hrss", route.Responsible.Id);
        Assert.Equal(["130000/petition-bureau", "130700/petition-bureau", "130724/hrss"], route.Path);
        Assert.Contains("repeat petition", route.Rule, StringComparison.Ordinal);
        Assert.Contains("130724-20261102-00001", route.Rule, StringComparison.Ordinal);
        Assert.Null(route.ReportBackDueBy);
        Assert.False(route.Confidential);
    }

    [Fact]
    public void A_repeated_report_stays_confidential_and_goes_straight_to_the_unit_that_answered()
    {
        var facts = new PetitionFacts("report", "official-misconduct", null, "130724", "130724/petition-bureau");

        var route = RepeatRouting.Decide(facts, s_directory, "130724/discipline", "130724-20261102-00002")!;

        Assert.Equal(RoutingModes.ForwardToDiscipline, route.Mode);
        Assert.True(route.Confidential);
        Assert.Equal(["130724/petition-bureau", "130724/discipline"], route.Path);
    }

    [Fact]
    public void An_answering_unit_no_longer_in_the_directory_leaves_the_decision_to_the_usual_rules()
    {
        var facts = new PetitionFacts("complaint", "wage-arrears", null, "130724102", "130724/petition-bureau");

        Assert.Null(RepeatRouting.Decide(facts, s_directory, "130724/abolished-bureau", null));
    }
}
