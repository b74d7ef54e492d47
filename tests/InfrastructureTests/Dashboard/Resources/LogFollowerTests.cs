using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Dashboard.Resources;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Resources;

/// <summary>Following a resource's log: every line once, in order, and a slow follower loses the oldest lines with a count.</summary>
public sealed class LogFollowerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_follower_gets_the_recent_lines_then_each_new_line_once()
    {
        var logs = new ResourceLogs(capacity: 10);
        Add(logs, "one", "two", "three");

        using var follower = new LogFollower(logs, tail: 2, queueCapacity: 10);
        Add(logs, "four");
        logs.Add(new LogLine(Noon, "five", IsError: true));

        Assert.Equal(["two", "three"], follower.Snapshot.Select(l => l.Text));
        var (dropped, lines) = follower.Drain();
        Assert.Equal(0, dropped);
        Assert.Equal(["four", "five"], lines.Select(l => l.Text));
        Assert.True(lines[1].IsError);
        Assert.Empty(follower.Drain().Lines);
    }

    [Fact]
    public void A_follower_that_falls_behind_keeps_the_newest_lines_and_counts_the_dropped_ones()
    {
        var logs = new ResourceLogs(capacity: 100);
        using var follower = new LogFollower(logs, tail: 100, queueCapacity: 3);

        Add(logs, "1", "2", "3", "4", "5");

        var (dropped, lines) = follower.Drain();
        Assert.Equal(2, dropped);
        Assert.Equal(["3", "4", "5"], lines.Select(l => l.Text));
        Assert.Equal(0, follower.Drain().Dropped);
    }

    [Fact]
    public void A_disposed_follower_no_longer_receives_lines()
    {
        var logs = new ResourceLogs(capacity: 10);
        var follower = new LogFollower(logs, tail: 10, queueCapacity: 10);
        follower.Dispose();

        Add(logs, "after");

        Assert.Empty(follower.Drain().Lines);
    }

    [Fact]
    public void Resizing_the_ring_keeps_the_newest_lines()
    {
        var logs = new ResourceLogs(capacity: 5);
        Add(logs, "a", "b", "c", "d");

        logs.Resize(2);
        Add(logs, "e");

        Assert.Equal(2, logs.Capacity);
        Assert.Equal(["d", "e"], logs.Snapshot().Select(l => l.Text));
    }

    [Theory]
    [InlineData(null, 2000)]
    [InlineData("1", 1)]
    [InlineData("2000", 2000)]
    public void A_tail_is_absent_or_a_count_within_the_capacity(string? tail, int expected) =>
        Assert.Equal(expected, ConsoleLogEndpoints.ParseTail(tail, capacity: 2000));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("2001")]
    [InlineData("ten")]
    [InlineData("")]
    public void Any_other_tail_is_refused(string tail) => Assert.Null(ConsoleLogEndpoints.ParseTail(tail, capacity: 2000));

    private static void Add(ResourceLogs logs, params string[] texts)
    {
        foreach (var text in texts)
        {
            logs.Add(new LogLine(Noon, text, IsError: false));
        }
    }
}
