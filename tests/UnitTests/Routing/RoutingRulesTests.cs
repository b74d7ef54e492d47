using PetitionPlatform.Contracts;
using PetitionPlatform.Routing.Data.Seed;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.UnitTests.Routing;

public sealed class RoutingRulesTests
{
    private static readonly OrgDirectory s_directory = DirectorySeed.Load().ToDirectory();
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static RoutePlan Decide(string topic, string region, string receivedBy, string kind = "complaint", string? subtopic = null) =>
        RoutingRules.Decide(new PetitionFacts(kind, topic, subtopic, region, receivedBy), s_directory, s_now);

    [Theory]
    [InlineData("wage-arrears", "130724/hrss")]
    [InlineData("land-contract", "130724/agriculture")]
    [InlineData("land-expropriation", "130724/natural-resources")]
    [InlineData("property-management", "130724/housing")]
    [InlineData("utilities", "130724/housing")]
    [InlineData("social-assistance", "130724/civil-affairs")]
    [InlineData("environment", "130724/ecology")]
    [InlineData("medical", "130724/health")]
    [InlineData("neighbour-dispute", "130724102/township-gov")]
    [InlineData("police-conduct", "130724/public-security")]
    [InlineData("court-case", "130724/court")]
    [InlineData("official-misconduct", "130724/discipline")]
    [InlineData("policy-suggestion", "130724/petition-bureau")]
    public void Each_topic_of_the_classification_list_goes_to_its_unit_at_the_county_where_it_arose(string topic, string responsible)
    {
        var route = Decide(topic, "130724102", "130724/petition-bureau", kind: topic == "official-misconduct" ? "report" : "complaint");

        Assert.Equal(responsible, route.Responsible.Id);
        Assert.Contains(topic, route.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skip_level_petition_to_the_province_is_assigned_down_through_the_city_bureau()
    {
        var route = Decide("wage-arrears", "130724102", "130000/petition-bureau");

        Assert.Equal(RoutingModes.Assign, route.Mode);
        Assert.Equal(["130000/petition-bureau", "130700/petition-bureau", "130724/hrss"], route.Path);
        // 2026-11-23 + 75 days = Saturday 2027-02-06, lunar New Year's Day: the Spring Festival runs to Monday the 8th.
        Assert.Equal(new DateTimeOffset(2027, 2, 9, 23, 59, 59, TimeSpan.FromHours(8)), route.ReportBackDueBy);
        Assert.Contains("沽源县", route.Rule, StringComparison.Ordinal);
        Assert.Contains("two levels above", route.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Chongqing_has_no_city_level_so_the_municipality_transfers_directly()
    {
        var route = Decide("utilities", "500116010", "500000/petition-bureau");

        Assert.Equal(RoutingModes.Transfer, route.Mode);
        Assert.Equal(["500000/petition-bureau", "500116/housing"], route.Path);
        Assert.Null(route.ReportBackDueBy);
    }

    [Fact]
    public void The_county_bureau_transfers_to_its_own_department()
    {
        var route = Decide("wage-arrears", "130724102", "130724/petition-bureau");

        Assert.Equal(RoutingModes.Transfer, route.Mode);
        Assert.Equal(["130724/petition-bureau", "130724/hrss"], route.Path);
    }

    [Fact]
    public void A_township_matter_at_the_province_passes_every_bureau_down_to_the_township()
    {
        var route = Decide("neighbour-dispute", "130724102", "130000/petition-bureau");

        Assert.Equal(RoutingModes.Assign, route.Mode);
        Assert.Equal(["130000/petition-bureau", "130700/petition-bureau", "130724/petition-bureau", "130724102/township-gov"], route.Path);
    }

    [Fact]
    public void A_receiver_in_another_branch_climbs_to_the_shared_bureau_then_goes_down()
    {
        var route = Decide("utilities", "500116010", "500112/petition-bureau");

        Assert.Equal(["500112/petition-bureau", "500000/petition-bureau", "500116/housing"], route.Path);
        Assert.Equal(RoutingModes.Transfer, route.Mode);
    }

    [Fact]
    public void A_township_that_registers_a_county_matter_hands_it_up_through_the_county_bureau()
    {
        var route = Decide("wage-arrears", "130724102", "130724102/township-gov");

        Assert.Equal(["130724102/township-gov", "130724/petition-bureau", "130724/hrss"], route.Path);
        Assert.Equal(RoutingModes.Transfer, route.Mode);
    }

    [Theory]
    [InlineData("official-misconduct", "report")]
    [InlineData("wage-arrears", "report")]
    public void A_report_goes_straight_and_confidentially_to_discipline_inspection(string topic, string kind)
    {
        var route = Decide(topic, "130724102", "130000/petition-bureau", kind);

        Assert.Equal(RoutingModes.ForwardToDiscipline, route.Mode);
        Assert.True(route.Confidential);
        Assert.Equal(["130000/petition-bureau", "130724/discipline"], route.Path);
    }

    [Fact]
    public void A_litigation_matter_is_guided_to_the_court_with_the_legal_route()
    {
        var route = Decide("court-case", "130724", "130724/petition-bureau");

        Assert.Equal(RoutingModes.GuideToLegal, route.Mode);
        Assert.Equal("130724/court", route.Responsible.Id);
        Assert.Contains("诉讼程序", route.LegalRoute, StringComparison.Ordinal);
        Assert.Contains("沽源县人民法院", route.LegalRoute, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neighbour_dispute_without_a_township_goes_to_the_county_justice_bureau()
    {
        var route = Decide("neighbour-dispute", "130724", "130724/petition-bureau");

        Assert.Equal("130724/justice", route.Responsible.Id);
        Assert.Contains("falls back to justice", route.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("housing", "330282/housing")]
    [InlineData("no-such-unit", "330282/petition-bureau")]
    [InlineData(null, "330282/petition-bureau")]
    public void A_suggestion_goes_to_the_department_its_subtopic_names_else_the_petition_bureau(string? subtopic, string responsible)
    {
        var route = Decide("policy-suggestion", "330282104", "330282/petition-bureau", "suggestion", subtopic);

        Assert.Equal(responsible, route.Responsible.Id);
    }

    [Fact]
    public void A_topic_missing_from_the_list_goes_to_the_county_petition_bureau()
    {
        var route = Decide("something-new", "330523", "330523/petition-bureau");

        Assert.Equal("330523/petition-bureau", route.Responsible.Id);
        Assert.Contains("not on the classification list", route.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matter_located_only_at_a_city_is_routed_at_city_level()
    {
        var route = Decide("environment", "330500", "330000/petition-bureau");

        Assert.Equal("330500/ecology", route.Responsible.Id);
        Assert.Equal(RoutingModes.Transfer, route.Mode);
        Assert.Contains("city level", route.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_receiving_unit_cannot_be_routed()
    {
        Assert.Throws<UnroutablePetitionException>(() => Decide("wage-arrears", "130724", "999999/petition-bureau"));
    }
}
