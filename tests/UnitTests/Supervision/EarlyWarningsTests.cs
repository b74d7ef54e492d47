using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.UnitTests.Supervision;

public sealed class EarlyWarningsTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(35, true)]
    public void Five_people_or_more_make_a_collective_petition(int headcount, bool collective) =>
        Assert.Equal(collective, EarlyWarnings.IsCollective(headcount));

    [Fact]
    public void A_day_long_window_is_the_calendar_day_in_China()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.FromHours(8));
        var justAfterMidnightUtc = new DateTimeOffset(2026, 11, 24, 0, 10, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8)), EarlyWarnings.WindowStart(lateEvening, TimeSpan.FromDays(1)));
        // 00:10 UTC is 08:10 in China: the same China day as any other moment of 24 November there.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8)), EarlyWarnings.WindowStart(justAfterMidnightUtc, TimeSpan.FromDays(1)));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.FromHours(8)), EarlyWarnings.WindowStart(lateEvening, TimeSpan.FromHours(6)));
    }

    [Fact]
    public void The_threshold_itself_is_a_spike()
    {
        Assert.False(EarlyWarnings.IsSpike(4, 5));
        Assert.True(EarlyWarnings.IsSpike(5, 5));
    }

    [Fact]
    public void Keys_keep_one_alert_per_county_topic_and_window()
    {
        var window = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(NoticeKeys.ForTopicSpike("130724", "wage-arrears", window), NoticeKeys.ForTopicSpike("130724", "wage-arrears", window.ToUniversalTime()));
        Assert.NotEqual(NoticeKeys.ForTopicSpike("130724", "wage-arrears", window), NoticeKeys.ForTopicSpike("130724", "wage-arrears", window.AddDays(1)));
    }
}
