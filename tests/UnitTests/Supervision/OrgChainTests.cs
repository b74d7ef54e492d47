using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

public sealed class OrgChainTests
{
    private static readonly OrgChain s_countyUnit = new(["130724/hrss", "130700/hrss", "130000/hrss"]);

    [Fact]
    public void A_reminder_goes_to_the_unit_alone()
    {
        var (to, copied) = s_countyUnit.RecipientsOf(NoticeKinds.Reminder, 0, confidential: false);
        Assert.Equal(("130724/hrss", 0), (to, copied.Count));
    }

    [Fact]
    public void An_overdue_notice_goes_to_the_unit_copied_to_its_superior()
    {
        var (to, copied) = s_countyUnit.RecipientsOf(NoticeKinds.Overdue, 0, confidential: false);
        Assert.Equal(("130724/hrss", "130700/hrss"), (to, string.Join(",", copied)));
    }

    [Fact]
    public void Escalations_climb_one_joint_conference_per_level_up_to_the_province()
    {
        Assert.Equal(2, s_countyUnit.EscalationLevels);
        var first = s_countyUnit.RecipientsOf(NoticeKinds.Escalation, 1, confidential: false);
        var second = s_countyUnit.RecipientsOf(NoticeKinds.Escalation, 2, confidential: false);

        Assert.Equal(("130700/joint-conference", "130724/hrss,130700/hrss"), (first.OrgId, string.Join(",", first.CopiedTo)));
        Assert.Equal(("130000/joint-conference", "130724/hrss,130000/hrss"), (second.OrgId, string.Join(",", second.CopiedTo)));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_countyUnit.RecipientsOf(NoticeKinds.Escalation, 3, confidential: false));
    }

    [Fact]
    public void A_township_climbs_through_the_county_and_a_province_unit_escalates_once_to_its_joint_conference()
    {
        var township = new OrgChain(["130724102/township-gov", "130724/petition-bureau", "130700/petition-bureau", "130000/petition-bureau"]);
        Assert.Equal(3, township.EscalationLevels);
        Assert.Equal("130724/joint-conference", township.RecipientsOf(NoticeKinds.Escalation, 1, false).OrgId);

        var province = new OrgChain(["130000/petition-bureau"]);
        Assert.Equal(1, province.EscalationLevels);
        var only = province.RecipientsOf(NoticeKinds.Escalation, 1, false);
        Assert.Equal(("130000/joint-conference", "130000/petition-bureau"), (only.OrgId, string.Join(",", only.CopiedTo)));
    }

    [Fact]
    public void A_unit_the_directory_does_not_know_escalates_to_its_province_by_the_region_code()
    {
        Assert.Equal("500000/joint-conference", OrgChain.Alone("500116/housing").RecipientsOf(NoticeKinds.Escalation, 1, false).OrgId);
    }

    [Fact]
    public void Nobody_but_the_unit_hears_of_a_confidential_matter()
    {
        var (to, copied) = new OrgChain(["130724/discipline", "130700/discipline"]).RecipientsOf(NoticeKinds.Overdue, 0, confidential: true);
        Assert.Equal(("130724/discipline", 0), (to, copied.Count));
    }
}
