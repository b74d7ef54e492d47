using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.UnitTests.Notification;

/// <summary>A clock moved by a holiday notice: whom it binds is told the new date and the notice that moved it.</summary>
public sealed class DueDateMessagesTests
{
    private const string Unit = "130724/hrss";

    private static readonly TemplateLibrary s_library = TemplateLibrary.FromAssembly();
    private static readonly Guid s_petition = Guid.NewGuid();
    private static readonly DateTimeOffset s_at = new(2035, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_unit_that_owes_the_acceptance_decision_is_told_its_new_date()
    {
        var planned = Assert.Single(MessagePlanner.ForDueDateChanged(Moved(DueDateClocks.Acceptance), File()));

        Assert.Equal((TemplateNames.DueDateChanged, Recipient.Unit(Unit)), (planned.Template, planned.Recipient));
        var text = s_library.Render(planned.Template, planned.Values);
        Assert.Contains("受理决定期限由2035年3月16日调整为2035年3月19日", text, StringComparison.Ordinal);
        Assert.Contains("国办发明电〔2034〕7号", text, StringComparison.Ordinal);
        Assert.Contains("130724-20350301-00001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_petitioner_is_told_when_their_window_to_ask_for_a_review_moved_and_no_unit_is()
    {
        var planned = Assert.Single(MessagePlanner.ForDueDateChanged(Moved(DueDateClocks.ReviewRequest), File()));

        Assert.Equal((TemplateNames.ReviewWindowChanged, Recipient.PetitionerOf(s_petition)), (planned.Template, planned.Recipient));
        Assert.Contains("申请复查的期限由2035年3月16日调整为2035年3月19日", s_library.Render(planned.Template, planned.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_case_names_the_review_answer()
    {
        var planned = Assert.Single(MessagePlanner.ForDueDateChanged(Moved(DueDateClocks.Answer, CaseStages.Review), File()));

        Assert.Contains("复查答复期限", s_library.Render(planned.Template, planned.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void The_superior_that_settles_a_dispute_is_told_its_new_date_without_a_case_stage()
    {
        var dispute = Moved(DueDateClocks.DisputeDecision) with { CaseId = null, Stage = null };

        var planned = Assert.Single(MessagePlanner.ForDueDateChanged(dispute, File()));

        Assert.Equal((TemplateNames.DisputeDateChanged, Recipient.Unit(Unit)), (planned.Template, planned.Recipient));
        Assert.Contains("确定办理单位的期限由2035年3月16日调整为2035年3月19日", s_library.Render(planned.Template, planned.Values),
            StringComparison.Ordinal);
    }

    private static DueDateChanged Moved(string clock, string stage = CaseStages.Original) => new(
        s_petition, Guid.NewGuid(), Unit, clock, stage, s_at.AddDays(-1),
        new DateTimeOffset(2035, 3, 16, 23, 59, 59, TimeSpan.FromHours(8)), new DateTimeOffset(2035, 3, 19, 23, 59, 59, TimeSpan.FromHours(8)),
        2035, "国办发明电〔2034〕7号", false, s_at);

    private static PetitionFile File() => new(
        new KnownPetition { PetitionId = s_petition, Number = "130724-20350301-00001", ReceivedBy = "130000/petition-bureau", Kind = "complaint", Channel = "online" },
        []);
}
