using PetitionPlatform.ServiceDefaults.Paging;

namespace PetitionPlatform.UnitTests.Paging;

public sealed class TextKeysetTests
{
    private sealed record Region(string Code, string Name);

    // A province, a city, a county and townships: codes of different lengths, where a shorter code sorts before the
    // longer ones it begins.
    private static readonly Region[] s_regions =
    [
        new("130724102", "九连城镇"),
        new("130000", "河北省"),
        new("130724", "沽源县"),
        new("130700", "张家口市"),
        new("130724100", "平定堡镇"),
    ];

    private static readonly TextKeyset<Region> s_byCode = new(r => r.Code);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void Pages_read_every_item_once_in_the_order_of_the_key(int limit)
    {
        var all = new List<Region>();
        PageCursor? after = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages <= s_regions.Length, "the pages end");
            var read = s_byCode.Read(s_regions.AsQueryable(), new PageRequest(limit, after)).ToList();
            all.AddRange(read.Take(limit));
            if (read.Count <= limit)
            {
                break;
            }

            after = PageCursor.Decode(s_byCode.KeyOf(read[limit - 1]).Encode());
        }

        Assert.Equal(["130000", "130700", "130724", "130724100", "130724102"], all.Select(r => r.Code));
    }

    [Fact]
    public void A_page_reads_one_item_more_than_it_holds_so_that_the_next_page_is_known()
    {
        Assert.Equal(3, s_byCode.Read(s_regions.AsQueryable(), new PageRequest(2, null)).Count());
    }

    [Fact]
    public void The_key_of_an_item_is_its_text_key()
    {
        Assert.Equal("130724", s_byCode.KeyOf(s_regions[2]).Key);
    }
}
