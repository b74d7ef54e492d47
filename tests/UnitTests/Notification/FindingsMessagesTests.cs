using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.UnitTests.Notification;

/// <summary>The lead unit of a joint case is told that a co-handler added findings, and nobody else is.</summary>
public sealed class FindingsMessagesTests
{
    private const string Lead = "130724/hrss";
    private const string CoHandler = "130724/market-regulation";

    private static readonly TemplateLibrary s_library = TemplateLibrary.FromAssembly();
    private static readonly Guid s_petition = Guid.NewGuid();
    private static readonly DateTimeOffset s_at = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_lead_unit_is_told_who_added_findings_and_how_many_the_case_holds()
    {
        var planned = Assert.Single(MessagePlanner.ForFindingsAdded(Added(CoHandler), File()));

        Assert.Equal((TemplateNames.FindingsAdded, Recipient.Unit(Lead)), (planned.Template, planned.Recipient));
        var text = s_library.Render(planned.Template, planned.Values);
        Assert.Contains("130724-20260302-00001", text, StringComparison.Ordinal);
        Assert.Contains(CoHandler, text, StringComparison.Ordinal);
        Assert.Contains("初次办理", text, StringComparison.Ordinal);
        Assert.Contains("2份", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_co_handler_is_named_as_routing_named_it_when_routing_sent_the_matter_there()
    {
        var decision = new RoutingDecision
        {
            PetitionId = s_petition,
            Attempt = 0,
            DecidedBy = "130000/petition-bureau",
            Mode = RoutingModes.Transfer,
            ResponsibleOrgId = CoHandler,
            ResponsibleOrgName = "沽源县市场监督管理局",
            Confidential = false,
            DecidedAt = s_at,
        };

        var planned = Assert.Single(MessagePlanner.ForFindingsAdded(Added(CoHandler), File(decisions: [decision])));

        Assert.Contains("沽源县市场监督管理局", s_library.Render(planned.Template, planned.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void The_lead_unit_recording_its_own_findings_is_not_told_of_it()
    {
        Assert.Empty(MessagePlanner.ForFindingsAdded(Added(Lead), File()));
    }

    [Fact]
    public void Nothing_goes_to_the_petitioner_or_the_co_handler()
    {
        var planned = MessagePlanner.ForFindingsAdded(Added(CoHandler), File());

        Assert.All(planned, p => Assert.Equal(Recipient.Unit(Lead), p.Recipient));
    }

    private static CaseFindingsAdded Added(string by) =>
        new(s_petition, Guid.NewGuid(), Lead, by, CaseStages.Original, 2, false, s_at);

    private static PetitionFile File(string kind = "complaint", IReadOnlyList<RoutingDecision>? decisions = null) => new(
        new KnownPetition { PetitionId = s_petition, Number = "130724-20260302-00001", ReceivedBy = "130000/petition-bureau", Kind = kind, Channel = "online" },
        decisions ?? []);
}
