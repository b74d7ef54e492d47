using PetitionPlatform.Routing.Data.Seed;
using PetitionPlatform.Routing.Domain;

namespace PetitionPlatform.UnitTests.Routing;

public sealed class DirectorySeedTests
{
    private static readonly DirectorySeed s_seed = DirectorySeed.Load();

    [Theory]
    [InlineData("130724/hrss", "沽源县人力资源和社会保障局", "130700/hrss")]
    [InlineData("130724102/township-gov", "黄盖淖镇人民政府", "130724/petition-bureau")]
    [InlineData("500116010/township-gov", "双福街道办事处", "500116/petition-bureau")]
    [InlineData("500116/housing", "江津区住房和城乡建设局", "500000/housing")]
    [InlineData("130000/court", "河北省高级人民法院", null)]
    [InlineData("130700/court", "张家口市中级人民法院", "130000/court")]
    [InlineData("130724102/joint-conference", "黄盖淖镇信访工作联席会议办公室", "130724/joint-conference")]
    public void Units_are_named_from_region_and_unit_and_linked_to_their_parent(string id, string name, string? parentId)
    {
        var organization = Assert.Single(s_seed.ToOrganizations(), o => o.Id == id);
        Assert.Equal((name, parentId), (organization.Name, organization.ParentId));
    }

    [Fact]
    public void Every_county_city_and_province_has_all_fifteen_units_and_every_township_two()
    {
        var organizations = s_seed.ToOrganizations();
        foreach (var region in s_seed.Regions)
        {
            var units = organizations.Where(o => o.RegionCode == region.Code).Select(o => o.Unit).ToList();
            Assert.Equal(region.Level == RegionLevels.Township ? 2 : 15, units.Count);
        }

        Assert.Equal(15, s_seed.Regions.Count);
        Assert.Equal(13, s_seed.Topics.Count);
    }

    [Fact]
    public void Chongqing_districts_sit_directly_under_the_municipality()
    {
        var directory = s_seed.ToDirectory();
        Assert.Equal(["500000", "500116", "500116010"], directory.ChainFromRoot(directory.FindRegion("500116010")!).Select(r => r.Code));
        Assert.Equal("500000", directory.FindRegion("500112")!.ParentCode);
    }
}
