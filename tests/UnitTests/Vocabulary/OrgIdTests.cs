using PetitionPlatform.Contracts;

namespace PetitionPlatform.UnitTests.Vocabulary;

public sealed class OrgIdTests
{
    [Theory]
    [InlineData("130724/hrss", true)]
    [InlineData("130724102/township-gov", true)]
    [InlineData("130724102001/village-committee", true)]
    [InlineData("130000/unit2", true)]
    [InlineData("130724/", false)]
    [InlineData("hrss", false)]
    [InlineData("/hrss", false)]
    [InlineData("1307/hrss", false)]
    [InlineData("130724/HRSS", false)]
    [InlineData("130724/2hrss", false)]
    [InlineData("130724/hrss-", false)]
    [InlineData("130724/hr--ss", false)]
    [InlineData("130724/hrss/x", false)]
    [InlineData("130724/hr ss", false)]
    [InlineData(null, false)]
    public void Org_ids_are_a_region_code_and_a_kebab_case_unit(string? orgId, bool wellFormed) =>
        Assert.Equal(wellFormed, OrgId.IsWellFormed(orgId));

    [Fact]
    public void An_org_id_reads_back_as_written_and_knows_its_region()
    {
        var orgId = OrgId.Parse("130724102/township-gov");

        Assert.Equal("130724102/township-gov", orgId.ToString());
        Assert.Equal(("130724102", "township-gov"), (orgId.Region.Value, orgId.Unit));
        Assert.True(orgId.IsWithin(RegionCode.Parse("130700")));
        Assert.False(orgId.IsWithin(RegionCode.Parse("330000")));
    }

    [Fact]
    public void The_petition_bureau_of_a_region_is_that_region_and_the_bureau_unit() =>
        Assert.Equal("130724/petition-bureau", OrgId.PetitionBureauOf(RegionCode.Parse("130724102").County).ToString());

    [Fact]
    public void A_malformed_unit_is_refused_when_an_id_is_made() =>
        Assert.Throws<FormatException>(() => OrgId.Of(RegionCode.Parse("130724"), "Bad Unit"));
}
