using PetitionPlatform.ServiceDefaults.Paging;

namespace PetitionPlatform.UnitTests.Paging;

public sealed class KeysetTests
{
    private sealed record Item(DateTimeOffset At, int Level, Guid Id);

    private static readonly DateTimeOffset s_nine = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8));

    // Three items share an instant, two of those a level, so every part of the key decides some step.
    private static readonly Item[] s_items =
    [
        new(s_nine, 1, Guid.Parse("00000000-0000-0000-0000-000000000003")),
        new(s_nine.AddMinutes(1), 0, Guid.Parse("00000000-0000-0000-0000-000000000001")),
        new(s_nine, 2, Guid.Parse("00000000-0000-0000-0000-000000000002")),
        new(s_nine, 1, Guid.Parse("00000000-0000-0000-0000-000000000001")),
        new(s_nine.AddMinutes(-1), 5, Guid.Parse("00000000-0000-0000-0000-000000000009")),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Pages_of_an_ascending_list_read_every_item_once_by_instant_then_id(int limit)
    {
        var keyset = Keyset.Ascending<Item>(i => i.At, i => i.Id);

        var read = ReadAll(keyset, limit);

        Assert.Equal(s_items.OrderBy(i => i.At).ThenBy(i => i.Id), read);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Pages_of_a_descending_list_read_every_item_once_by_instant_then_rank_then_id(int limit)
    {
        var keyset = Keyset.Descending<Item>(i => i.At, i => i.Level, i => i.Id);

        var read = ReadAll(keyset, limit);

        Assert.Equal(s_items.OrderByDescending(i => i.At).ThenByDescending(i => i.Level).ThenByDescending(i => i.Id), read);
    }

    [Fact]
    public void A_page_reads_one_item_more_than_it_holds_so_that_the_next_page_is_known()
    {
        var keyset = Keyset.Ascending<Item>(i => i.At, i => i.Id);

        Assert.Equal(3, keyset.Read(s_items.AsQueryable(), new PageRequest(2, null)).Count());
    }

    [Fact]
    public void The_key_of_an_item_carries_its_instant_rank_and_id()
    {
        var item = s_items[2];

        Assert.Equal(PageCursor.Of(item.At, item.Id, item.Level), Keyset.Descending<Item>(i => i.At, i => i.Level, i => i.Id).KeyOf(item));
        Assert.Equal(PageCursor.Of(item.At, item.Id), Keyset.Ascending<Item>(i => i.At, i => i.Id).KeyOf(item));
    }

    private static List<Item> ReadAll(Keyset<Item> keyset, int limit)
    {
        var all = new List<Item>();
        PageCursor? after = null;
        for (var pages = 0; pages <= s_items.Length; pages++)
        {
            var page = new PageRequest(limit, after);
            var read = keyset.Read(s_items.AsQueryable(), page).ToList();
            all.AddRange(read.Take(limit));
            if (read.Count <= limit)
            {
                return all;
            }

            after = keyset.KeyOf(read[limit - 1]);
        }

        throw new InvalidOperationException("The pages did not end.");
    }
}
