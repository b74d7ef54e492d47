using PetitionPlatform.Contracts;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.Notification.Templates;

namespace PetitionPlatform.UnitTests.Notification;

/// <summary>The messages of a review, a re-review and a termination.</summary>
public sealed class ReviewMessagesTests
{
    private static readonly TemplateLibrary s_library = TemplateLibrary.FromAssembly();
    private static readonly Guid s_petition = Guid.NewGuid();
    private static readonly DateTimeOffset s_at = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_review_is_announced_to_the_petitioner_and_to_the_reviewing_unit_with_its_due_date()
    {
        var planned = MessagePlanner.ForReviewRequested(Review(CaseStages.Review, "130700/hrss", confidential: false), File());

        Assert.Equal([Recipient.PetitionerOf(s_petition), Recipient.Unit("130700/hrss")], planned.Select(p => p.Recipient));
        Assert.All(planned, p => Assert.Equal(TemplateNames.ReviewOpened, p.Template));
        var text = Render(planned[0]);
        Assert.Contains("复查", text, StringComparison.Ordinal);
        Assert.Contains("2026年7月1日", text, StringComparison.Ordinal);
        Assert.Contains("130724-20260302-00001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_confidential_review_names_no_unit_to_the_petitioner_and_reaches_only_the_reviewing_unit()
    {
        var planned = MessagePlanner.ForReviewRequested(Review(CaseStages.ReReview, "130000/discipline", confidential: true), File(kind: "report"));

        Assert.Equal([Recipient.PetitionerOf(s_petition), Recipient.Unit("130000/discipline")], planned.Select(p => p.Recipient));
        var toPetitioner = Render(planned[0]);
        Assert.Contains(Wording.CompetentAuthority, toPetitioner, StringComparison.Ordinal);
        Assert.DoesNotContain("discipline", toPetitioner, StringComparison.Ordinal);
        Assert.Contains("复核", toPetitioner, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_re_review_the_petitioner_is_told_the_matter_is_concluded_and_not_accepted_again()
    {
        var planned = Assert.Single(MessagePlanner.ForTerminated(
            new PetitionTerminated(s_petition, "130000/hrss", TerminationReasons.ReReviewAnswered, "130000/hrss", null, s_at), File()));

        Assert.Equal((TemplateNames.Terminated, Recipient.PetitionerOf(s_petition)), (planned.Template, planned.Recipient));
        var text = Render(planned);
        Assert.Contains("不再受理", text, StringComparison.Ordinal);
        Assert.Contains("复核意见为最终意见", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_political_legal_termination_quotes_the_organ_s_record_number()
    {
        var planned = Assert.Single(MessagePlanner.ForTerminated(
            new PetitionTerminated(s_petition, "130724/court", TerminationReasons.PoliticalLegal, null, "（2026）冀0724执终12号", s_at), File()));

        Assert.Contains("（2026）冀0724执终12号", Render(planned), StringComparison.Ordinal);
    }

    private static ReviewRequested Review(string stage, string orgId, bool confidential) => new(
        s_petition, Guid.NewGuid(), orgId, stage, Guid.NewGuid(), "130724/hrss", new DateTimeOffset(2026, 7, 1, 23, 59, 59, TimeSpan.FromHours(8)),
        confidential, s_at);

    private static PetitionFile File(string kind = "complaint") => new(
        new KnownPetition { PetitionId = s_petition, Number = "130724-20260302-00001", ReceivedBy = "130000/petition-bureau", Kind = kind, Channel = "online" },
        []);

    private static string Render(PlannedMessage planned) => s_library.Render(planned.Template, planned.Values);
}
