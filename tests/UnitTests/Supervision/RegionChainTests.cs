using PetitionPlatform.Routing.Client;
using PetitionPlatform.Supervision.Directory;

namespace PetitionPlatform.UnitTests.Supervision;

/// <summary>The chains the indicators roll up along, from the directory's regions read at once.</summary>
public sealed class RegionChainTests
{
    private static readonly Dictionary<string, DirectoryRegion> s_regions = new(StringComparer.Ordinal)
    {
        ["130000"] = new("130000", "河北省", "province", null),
        ["130700"] = new("130700", "张家口市", "city", "130000"),
        ["130724"] = new("130724", "沽源县", "county", "130700"),
        ["130724102"] = new("130724102", "黄盖淖镇", "township", "130724"),
        ["500000"] = new("500000", "重庆市", "province", null),
        ["500116"] = new("500116", "江津区", "county", "500000"),
        ["500116010"] = new("500116010", "双福街道", "township", "500116"),
    };

    [Theory]
    [InlineData("130724102", "130724102 130724 130700 130000")]
    // A Chongqing district sits directly under the municipality, as the directory says, not as its code would.
    [InlineData("500116010", "500116010 500116 500000")]
    // Regions the directory does not list are placed by their code, up to the first one it lists.
    [InlineData("130723105", "130723105 130723 130700 130000")]
    [InlineData("139901", "139901 139900 130000")]
    public void A_chain_follows_the_directory_and_the_code_where_the_directory_is_silent(string region, string chain)
    {
        Assert.Equal(chain.Split(' '), RegionDirectoryClient.ChainOf(region, s_regions));
    }

    [Fact]
    public void A_directory_whose_parents_loop_gives_a_chain_that_ends()
    {
        var looping = new Dictionary<string, DirectoryRegion>(StringComparer.Ordinal)
        {
            ["130700"] = new("130700", "张家口市", "city", "130724"),
            ["130724"] = new("130724", "沽源县", "county", "130700"),
        };

        Assert.Equal(["130724", "130700"], RegionDirectoryClient.ChainOf("130724", looping));
    }
}
