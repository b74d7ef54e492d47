using PetitionPlatform.Contracts;
using PetitionPlatform.Routing.Data.Seed;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.UnitTests.Routing;

public sealed class RerouteRulesTests
{
    private static readonly OrgDirectory s_directory = DirectorySeed.Load().ToDirectory();

    private static RoutePlan First(string topic, string kind = "complaint") =>
        RoutingRules.Decide(new PetitionFacts(kind, topic, null, "130724102", "130724/petition-bureau"), s_directory, DateTimeOffset.UnixEpoch);

    private static Organization Org(string id) => s_directory.FindOrganization(id)!;

    [Fact]
    public void A_superior_sends_the_matter_on_and_joins_the_path()
    {
        var (plan, refusal) = RerouteRules.Decide(First("wage-arrears"), "130700/petition-bureau", Org("130724/agriculture"), Org("130700/petition-bureau"), "land contract");

        Assert.Null(refusal);
        Assert.Equal(RoutingModes.Transfer, plan!.Mode);
        Assert.Equal(["130724/petition-bureau", "130724/hrss", "130700/petition-bureau", "130724/agriculture"], plan.Path);
        Assert.Contains("rerouted by 130700/petition-bureau: land contract", plan.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_litigation_matter_cannot_be_rerouted()
    {
        var (plan, refusal) = RerouteRules.Decide(First("court-case"), null, Org("130724/justice"), Org("130724/petition-bureau"), "x");

        Assert.Null(plan);
        Assert.Contains("litigation", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_stays_within_discipline_inspection()
    {
        var report = First("official-misconduct", "report");

        Assert.Contains("confidential", RerouteRules.Decide(report, null, Org("130724/hrss"), Org("130724/discipline"), "x").Refusal, StringComparison.Ordinal);
        Assert.Contains("only discipline", RerouteRules.Decide(report, null, Org("130700/discipline"), Org("130724/petition-bureau"), "x").Refusal, StringComparison.Ordinal);
        Assert.True(RerouteRules.Decide(report, null, Org("130700/discipline"), Org("130724/discipline"), "x").Plan!.Confidential);
    }

    [Fact]
    public void Sending_it_to_the_unit_that_already_has_it_is_refused()
    {
        Assert.NotNull(RerouteRules.Decide(First("wage-arrears"), null, Org("130724/hrss"), Org("130724/petition-bureau"), "x").Refusal);
    }

    [Fact]
    public void A_disputed_matter_is_decided_by_the_awaited_superior_alone()
    {
        var disputed = First("wage-arrears");

        var (plan, refusal) = RerouteRules.Decide(disputed, "130700/joint-conference", Org("130724/agriculture"), Org("130724/petition-bureau"), "x");

        Assert.Null(plan);
        Assert.Contains("for 130700/joint-conference to decide, not 130724/petition-bureau", refusal, StringComparison.Ordinal);
        Assert.Null(RerouteRules.Decide(disputed, "130700/joint-conference", Org("130724/agriculture"), Org("130700/joint-conference"), "x").Refusal);
    }
}
