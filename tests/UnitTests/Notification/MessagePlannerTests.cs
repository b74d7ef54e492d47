using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.UnitTests.Notification;

public sealed class MessagePlannerTests
{
    private static readonly TemplateLibrary s_library = TemplateLibrary.FromAssembly();
    private static readonly Guid s_petition = Guid.NewGuid();
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_receipt_delivers_the_query_code_but_keeps_it_masked()
    {
        var planned = Assert.Single(MessagePlanner.ForReceipt(new PetitionerReceiptRequested(s_petition, "130724-20260302-00001", null, "sms", s_at), "ABCD-EFGH-JKMN-PQRS"));

        Assert.Equal(TemplateNames.Receipt, planned.Template);
        Assert.Equal(Recipient.PetitionerOf(s_petition), planned.Recipient);
        Assert.Equal("****-****-****-PQRS", planned.Values["trackingCode"]);
        Assert.Equal("ABCD-EFGH-JKMN-PQRS", planned.DeliveryOnly!["trackingCode"]);
    }

    [Fact]
    public void A_transfer_tells_the_petitioner_the_destination_unit_and_no_unit()
    {
        var planned = Assert.Single(MessagePlanner.ForRouting(Routed(RoutingModes.Transfer, "130724/hrss", "沽源县人力资源和社会保障局"), File()));

        Assert.Equal(TemplateNames.Transferred, planned.Template);
        Assert.Equal(Recipient.Petitioner, planned.Recipient.Kind);
        Assert.Contains("沽源县人力资源和社会保障局", Render(planned), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_forwarded_to_discipline_names_only_the_competent_authority_to_the_petitioner()
    {
        var routed = Routed(RoutingModes.ForwardToDiscipline, "130724/discipline", "沽源县纪委监委", confidential: true);

        var planned = Assert.Single(MessagePlanner.ForRouting(routed, File(kind: "report")));

        var text = Render(planned);
        Assert.Contains(Wording.CompetentAuthority, text, StringComparison.Ordinal);
        Assert.DoesNotContain("纪委", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_to_legal_tells_the_petitioner_the_procedure_and_the_court_of_the_matter()
    {
        var routed = Routed(RoutingModes.GuideToLegal, "130724/court", "沽源县人民法院", legalRoute: "民事诉讼");

        var planned = MessagePlanner.ForRouting(routed, File());

        Assert.Equal([TemplateNames.NotAcceptedLegalRoute, TemplateNames.LegalProcedure], planned.Select(p => p.Template));
        Assert.Contains("民事诉讼", Render(planned[0]), StringComparison.Ordinal);
        Assert.Equal(Recipient.Unit("130724/court"), planned[1].Recipient);
    }

    [Fact]
    public void An_assigned_case_tells_the_unit_its_report_back_date()
    {
        var due = new DateTimeOffset(2026, 5, 18, 23, 59, 59, TimeSpan.FromHours(8));

        var assigned = Assert.Single(MessagePlanner.ForCaseOpened(Opened(RoutingModes.Assign, due), File()));
        var transferred = Assert.Single(MessagePlanner.ForCaseOpened(Opened(RoutingModes.Transfer, null), File()));

        Assert.Equal(Recipient.Unit("130724/hrss"), assigned.Recipient);
        Assert.Contains("2026年5月18日前报送办结报告", Render(assigned), StringComparison.Ordinal);
        Assert.DoesNotContain("办结报告", Render(transferred), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decline_goes_back_to_the_unit_whose_routing_decision_it_declines()
    {
        var file = File(decisions: [Decision(0, "130000/petition-bureau", "130724/hrss", "沽源县人社局"), Decision(1, "130724/petition-bureau", "130724/housing", "沽源县住建局")]);

        var planned = Assert.Single(MessagePlanner.ForCaseDeclined(Declined("130724/housing", confidential: false), file));

        Assert.Equal(Recipient.Unit("130724/petition-bureau"), planned.Recipient);
        Assert.Contains("沽源县住建局", Render(planned), StringComparison.Ordinal);
        Assert.Contains("不属于本局职责", Render(planned), StringComparison.Ordinal);
    }

    [Fact]
    public void Confidential_matters_are_written_to_no_unit_but_the_responsible_one()
    {
        var file = File(kind: "report", decisions: [Decision(0, "130724/petition-bureau", "130724/discipline", "沽源县纪委监委", confidential: true)]);

        Assert.Empty(MessagePlanner.ForCaseDeclined(Declined("130724/discipline", confidential: true), file));
        Assert.Empty(MessagePlanner.ForRoutingDecisionRequired(
            new RoutingDecisionRequired(s_petition, "130724/discipline", "130700/discipline", "不属于本级管辖", true, s_at), file));
        var opened = Assert.Single(MessagePlanner.ForCaseOpened(
            new CaseOpened(s_petition, Guid.NewGuid(), "130724/discipline", CaseStages.Original, RoutingModes.ForwardToDiscipline, s_at.AddDays(15), null, true, s_at), file));
        Assert.Equal(Recipient.Unit("130724/discipline"), opened.Recipient);
    }

    [Fact]
    public void The_confidentiality_rule_keeps_the_petitioner_and_the_responsible_unit()
    {
        PlannedMessage[] planned =
        [
            new("x", Recipient.PetitionerOf(s_petition), new Dictionary<string, string>()),
            new("x", Recipient.Unit("130724/discipline"), new Dictionary<string, string>()),
            new("x", Recipient.Unit("130724/petition-bureau"), new Dictionary<string, string>()),
        ];

        Assert.Equal(2, MessagePlanner.Guard(true, "130724/discipline", planned).Count);
        Assert.Equal(3, MessagePlanner.Guard(false, "130724/discipline", planned).Count);
    }

    [Fact]
    public void A_decision_required_goes_to_the_decider()
    {
        var planned = Assert.Single(MessagePlanner.ForRoutingDecisionRequired(
            new RoutingDecisionRequired(s_petition, "130724/housing", "130724/petition-bureau", "无其他可办理单位", false, s_at), File()));

        Assert.Equal(Recipient.Unit("130724/petition-bureau"), planned.Recipient);
    }

    [Fact]
    public void The_answer_states_the_outcome_and_until_when_review_may_be_asked()
    {
        var reviewDue = new DateTimeOffset(2026, 6, 1, 23, 59, 59, TimeSpan.FromHours(8));
        var answered = Answered(CaseStages.Original, Outcomes.Support, reviewDue);

        var planned = Assert.Single(MessagePlanner.ForCaseAnswered(answered, File(decisions: [Decision(0, "130724/petition-bureau", "130724/hrss", "沽源县人社局")])));

        var text = Render(planned);
        Assert.Equal(Recipient.PetitionerOf(s_petition), planned.Recipient);
        Assert.Contains("处理结果：支持", text, StringComparison.Ordinal);
        Assert.Contains("2026年6月1日前向沽源县人社局的上一级机关书面提出复查请求", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_review_answer_is_final_and_offers_no_further_review()
    {
        var planned = Assert.Single(MessagePlanner.ForCaseAnswered(Answered(CaseStages.ReReview, Outcomes.NotSupport, s_at), File()));

        Assert.Equal(TemplateNames.AnsweredFinal, planned.Template);
        Assert.Contains("不予支持", Render(planned), StringComparison.Ordinal);
    }

    [Fact]
    public void An_outcome_outside_the_vocabulary_fails()
    {
        Assert.Throws<ArgumentException>(() => MessagePlanner.ForCaseAnswered(Answered(CaseStages.Original, "maybe", s_at), File()));
    }

    [Fact]
    public void Acceptance_and_extension_are_told_to_the_petitioner_with_dates()
    {
        var due = new DateTimeOffset(2026, 7, 3, 23, 59, 59, TimeSpan.FromHours(8));
        var accepted = Assert.Single(MessagePlanner.ForCaseAccepted(
            new CaseAccepted(s_petition, Guid.NewGuid(), "130724/hrss", CaseStages.Original, "张科长", due, false, s_at), File()));
        var extended = Assert.Single(MessagePlanner.ForCaseExtended(
            new CaseExtended(s_petition, Guid.NewGuid(), "130724/hrss", 20, "需要调取企业账目", "李局长", due.AddDays(20), s_at), File()));

        Assert.Contains("2026年7月3日前办结", Render(accepted), StringComparison.Ordinal);
        Assert.Contains("需要调取企业账目", Render(extended), StringComparison.Ordinal);
        Assert.Contains("延长20日", Render(extended), StringComparison.Ordinal);
        Assert.All([accepted, extended], p => Assert.Equal(Recipient.Petitioner, p.Recipient.Kind));
    }

    [Fact]
    public void A_hearing_tells_the_petitioner_the_new_answer_date_of_the_review()
    {
        var due = new DateTimeOffset(2026, 10, 8, 23, 59, 59, TimeSpan.FromHours(8));

        var planned = Assert.Single(MessagePlanner.ForCaseHearingRecorded(new CaseHearingRecorded(
            s_petition, Guid.NewGuid(), "130700/hrss", CaseStages.ReReview, new DateOnly(2026, 9, 10), new DateOnly(2026, 9, 12), due, false, s_at), File()));

        var text = Render(planned);
        Assert.Equal(Recipient.Petitioner, planned.Recipient.Kind);
        Assert.Contains("2026年9月10日至2026年9月12日举行了听证", text, StringComparison.Ordinal);
        Assert.Contains("复核意见将于2026年10月8日前答复您", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    private static string Render(PlannedMessage planned) => s_library.Render(planned.Template, planned.Values);

    private static PetitionFile File(string kind = "complaint", IReadOnlyList<RoutingDecision>? decisions = null) => new(
        new KnownPetition { PetitionId = s_petition, Number = "130724-20260302-00001", ReceivedBy = "130000/petition-bureau", Kind = kind, Channel = "online" },
        decisions ?? []);

    private static RoutingDecision Decision(int attempt, string by, string to, string name, bool confidential = false) => new()
    {
        PetitionId = s_petition,
        Attempt = attempt,
        DecidedBy = by,
        Mode = RoutingModes.Transfer,
        ResponsibleOrgId = to,
        ResponsibleOrgName = name,
        Confidential = confidential,
        DecidedAt = s_at,
    };

    private static PetitionRouted Routed(string mode, string to, string name, bool confidential = false, string? legalRoute = null) =>
        new(s_petition, "130724/petition-bureau", mode, to, name, ["130724/petition-bureau", to], [], "rule", confidential, 0, null, legalRoute, s_at);

    private static CaseOpened Opened(string mode, DateTimeOffset? reportBack) =>
        new(s_petition, Guid.NewGuid(), "130724/hrss", CaseStages.Original, mode, s_at.AddDays(15), reportBack, false, s_at);

    private static CaseDeclined Declined(string orgId, bool confidential) =>
        new(s_petition, Guid.NewGuid(), orgId, CaseStages.Original, "不属于本局职责", null, null, confidential, s_at);

    private static CaseAnswered Answered(string stage, string outcome, DateTimeOffset reviewDue) =>
        new(s_petition, Guid.NewGuid(), "130724/hrss", stage, outcome, "责令企业十日内支付拖欠工资", "《保障农民工工资支付条例》", reviewDue, false, s_at);
}
