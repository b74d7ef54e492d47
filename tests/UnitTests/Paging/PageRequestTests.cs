using Microsoft.AspNetCore.Http;
using PetitionPlatform.ServiceDefaults.Paging;

namespace PetitionPlatform.UnitTests.Paging;

public sealed class PageRequestTests
{
    private static readonly PageCursor s_cursor = PageCursor.Of(new DateTimeOffset(2026, 12, 3, 9, 30, 15, TimeSpan.FromHours(8)).AddTicks(1230), Guid.Parse("0199a3f2-7c1e-7d4b-9a51-2f1c3d4e5f60"), 2);

    [Fact]
    public void Without_parameters_a_page_is_the_default_size_from_the_start()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(new PageRequest(PageRequest.DefaultLimit, null), PageRequest.Parse(null, null, errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void A_cursor_reads_back_as_the_key_it_was_made_from_in_utc()
    {
        var decoded = PageCursor.Decode(s_cursor.Encode());

        Assert.Equal(s_cursor, decoded);
        Assert.Equal(TimeSpan.Zero, decoded!.At.Offset);
    }

    [Theory]
    [InlineData("130724")]
    [InlineData("agency.hebei.gov.cn")]
    [InlineData("人社局")]
    public void A_text_key_cursor_reads_back_as_its_key_even_with_the_separator_in_it(string key)
    {
        Assert.Equal(key, PageCursor.Decode(PageCursor.OfKey(key).Encode())!.Key);
    }

    [Fact]
    public void A_cursor_with_a_key_longer_than_the_maximum_is_refused()
    {
        var tooLong = PageCursor.OfKey(new string('k', PageCursor.MaxKeyLength)) with { Key = new string('k', PageCursor.MaxKeyLength + 1) };

        Assert.Null(PageCursor.Decode(tooLong.Encode()));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageCursor.OfKey(tooLong.Key));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1e2")]
    [InlineData(" 10")]
    [InlineData("99999999999999999999")]
    public void A_limit_outside_one_to_the_maximum_is_named(string limit)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(PageRequest.Parse(limit, null, errors));
        Assert.Equal([PageRequest.LimitParameter], errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("bm90IGEgY3Vyc29y")]
    [InlineData("MS4xLjEuMQ")]
    // Version 1, without the text key; and a later version.
    [InlineData("MS42MzkwMDAwMDAwMDAwMDAwMDAuMC4wMTk5YTNmMjdjMWU3ZDRiOWE1MTJmMWMzZDRlNWY2MA")]
    [InlineData("My42MzkwMDAwMDAwMDAwMDAwMDAuMC4wMTk5YTNmMjdjMWU3ZDRiOWE1MTJmMWMzZDRlNWY2MC4")]
    public void A_cursor_this_list_did_not_write_is_named(string after)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(PageRequest.Parse("10", after, errors));
        Assert.Equal([PageRequest.AfterParameter], errors.Keys);
    }

    [Fact]
    public void An_edited_cursor_is_refused_or_names_another_key_but_never_throws()
    {
        var text = s_cursor.Encode();
        for (var i = 0; i < text.Length; i++)
        {
            var edited = text[..i] + (text[i] == 'A' ? 'B' : 'A') + text[(i + 1)..];
            Assert.NotEqual(s_cursor, PageCursor.Decode(edited));
        }

        Assert.Null(PageCursor.Decode(new string('A', 4000)));
    }

    [Fact]
    public void A_full_page_links_to_the_next_with_the_requests_own_parameters_and_the_last_key()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/api/handling/cases";
        http.Request.QueryString = new QueryString("?orgId=130724%2Fhrss&status=in-progress&limit=2&after=old");
        var page = new PageRequest(2, null);
        var keys = new[] { 1, 2, 3 }.Select(i => PageCursor.Of(s_cursor.At.AddMinutes(i), s_cursor.Id)).ToList();

        var shown = page.Page(keys, key => key, http);

        Assert.Equal(keys.Take(2), shown);
        var link = http.Response.Headers.Link.ToString();
        Assert.StartsWith("</api/handling/cases?orgId=130724%2Fhrss&status=in-progress&limit=2&after=", link, StringComparison.Ordinal);
        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        var after = link[(link.IndexOf("after=", StringComparison.Ordinal) + 6)..link.IndexOf('>', StringComparison.Ordinal)];
        Assert.Equal(keys[1], PageCursor.Decode(after));
    }

    [Fact]
    public void The_last_page_has_no_link()
    {
        var http = new DefaultHttpContext();

        var shown = new PageRequest(3, null).Page([s_cursor, s_cursor], key => key, http);

        Assert.Equal(2, shown.Count);
        Assert.False(http.Response.Headers.ContainsKey("Link"));
    }
}
