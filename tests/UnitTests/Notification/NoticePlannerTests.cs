using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.UnitTests.Notification;

public sealed class NoticePlannerTests
{
    private static readonly Guid s_petition = Guid.NewGuid();
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TemplateLibrary s_library = TemplateLibrary.FromAssembly();

    [Fact]
    public void An_overdue_notice_goes_to_the_unit_and_a_marked_copy_to_its_superior()
    {
        var planned = NoticePlanner.ForNotice(Notice("overdue", "130724/hrss", ["130700/hrss"]), File());

        Assert.Equal(["130724/hrss", "130700/hrss"], planned.Select(p => p.Recipient.Key));
        Assert.All(planned, p => Assert.Equal(TemplateNames.SupervisionOverdue, p.Template));
        var original = Render(planned[0]);
        Assert.Contains("【督办单】", original, StringComparison.Ordinal);
        Assert.Contains("130724-20260302-00001", original, StringComparison.Ordinal);
        Assert.Contains("办理（六十日）", original, StringComparison.Ordinal);
        Assert.Contains("2026年5月1日", original, StringComparison.Ordinal);
        Assert.DoesNotContain("抄送件", original, StringComparison.Ordinal);
        Assert.Contains("（抄送件）", Render(planned[1]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reminder", "supervision-reminder")]
    [InlineData("escalation", "supervision-escalation")]
    [InlineData("alert", "supervision-alert")]
    public void Each_kind_has_its_document(string kind, string template)
    {
        var planned = NoticePlanner.ForNotice(Notice(kind, "130724/petition-bureau", [], stage: kind == "alert" ? "collective-petition" : "handling"), File());

        Assert.Equal(template, Assert.Single(planned).Template);
        Assert.DoesNotContain("{", Render(planned[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_leader_in_charge_is_named()
    {
        var planned = NoticePlanner.ForNotice(Notice("escalation", "130700/joint-conference", [], leader: "张副县长"), File());

        Assert.Contains("包案领导：张副县长", Render(Assert.Single(planned)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_confidential_matter_reaches_no_unit_but_the_responsible_one()
    {
        var planned = NoticePlanner.ForNotice(Notice("overdue", "130724/discipline", ["130700/discipline"]), File(kind: "report"));

        Assert.Equal("130724/discipline", Assert.Single(planned).Recipient.Key);
    }

    [Fact]
    public void An_unknown_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NoticePlanner.ForNotice(Notice("praise", "130724/hrss", []), File()));
    }

    private static string Render(PlannedMessage planned) => s_library.Render(planned.Template, planned.Values);

    private static SupervisionNoticeIssued Notice(string kind, string orgId, IReadOnlyList<string> copies, string stage = "handling", string? leader = null) =>
        new(s_petition, Guid.NewGuid(), kind, orgId, copies, stage, Guid.NewGuid(), new DateTimeOffset(2026, 5, 1, 23, 59, 59, TimeSpan.FromHours(8)),
            kind == "escalation" ? 1 : 0, "reason", leader, s_at);

    private static PetitionFile File(string kind = "complaint") => new(
        new KnownPetition { PetitionId = s_petition, Number = "130724-20260302-00001", ReceivedBy = "130000/petition-bureau", Kind = kind, Channel = "online" },
        []);
}
