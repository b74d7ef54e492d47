using PetitionPlatform.Audit.Api;

namespace PetitionPlatform.UnitTests.Audit;

public sealed class AuditQueryTests
{
    [Fact]
    public void No_filter_reads_the_trail_from_its_start_a_page_at_a_time()
    {
        var (query, errors) = AuditQuery.Parse(null, null, null, null, null, null);

        Assert.Empty(errors);
        Assert.Equal(new AuditQuery(null, null, null, null, 0, AuditQuery.DefaultLimit), query);
    }

    [Fact]
    public void Instants_with_offsets_are_read_in_utc()
    {
        var (query, _) = AuditQuery.Parse(null, "130724/hrss", "2026-03-01T00:00:00+08:00", "2026-03-02T00:00:00+08:00", "41", "10");

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero), query!.From);
        Assert.Equal("130724/hrss", query.ClientId);
        Assert.Equal(41, query.After);
        Assert.Equal(10, query.Limit);
    }

    [Theory]
    [InlineData("petitionId", "not-a-uuid", null, null, null, null)]
    [InlineData("from", null, "yesterday", null, null, null)]
    [InlineData("from", null, "2026-03-01", null, null, null)]
    [InlineData("to", null, "2026-03-02T00:00:00Z", "2026-03-01T00:00:00Z", null, null)]
    [InlineData("after", null, null, null, "-1", null)]
    [InlineData("limit", null, null, null, null, "0")]
    [InlineData("limit", null, null, null, null, "1001")]
    [InlineData("from", null, "0001-01-01T00:00:00+00:00", null, null, null)]
    [InlineData("to", null, null, "9999-12-31T23:59:59+00:00", null, null)]
    public void Each_malformed_filter_is_named(string field, string? petitionId, string? from, string? to, string? after, string? limit)
    {
        var (query, errors) = AuditQuery.Parse(petitionId, null, from, to, after, limit);

        Assert.Null(query);
        Assert.Equal([field], errors.Keys);
    }
}
