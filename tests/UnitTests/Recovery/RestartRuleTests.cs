using PetitionPlatform.AppHost.Recovery;

namespace PetitionPlatform.UnitTests.Recovery;

/// <summary>The app host's restart policy: which ends it answers with a start, and after how long.</summary>
public sealed class RestartRuleTests
{
    [Theory]
    [InlineData("Finished", 137)] // a service SIGKILLed: 128 + 9
    [InlineData("Finished", -1)] // DCP's code for a process ended by a signal
    [InlineData("Exited", 137)] // a container killed
    [InlineData("Finished", 1)] // a crash
    [InlineData("Exited", null)] // a container gone without an exit code
    public void A_running_resource_that_dies_unasked_is_started_again(string state, int? exitCode) =>
        Assert.True(RestartRule.IsUnexpectedEnd("Running", state, exitCode, stopRequested: false));

    [Theory]
    [InlineData("Finished", 0)] // SIGTERM from outside the dashboard, ended cleanly
    [InlineData("Exited", 0)]
    public void A_clean_exit_stays_stopped(string state, int exitCode) =>
        Assert.False(RestartRule.IsUnexpectedEnd("Running", state, exitCode, stopRequested: false));

    [Fact]
    public void What_the_operator_stopped_stays_stopped_whatever_its_exit_code() =>
        Assert.False(RestartRule.IsUnexpectedEnd("Running", "Exited", 137, stopRequested: true));

    [Theory]
    [InlineData("Starting", "FailedToStart", null)] // never came up: a person must look
    [InlineData("Waiting", "Finished", 1)]
    [InlineData(null, "Exited", 1)]
    public void A_resource_that_was_not_running_is_left_alone(string? before, string state, int? exitCode) =>
        Assert.False(RestartRule.IsUnexpectedEnd(before, state, exitCode, stopRequested: false));

    [Fact]
    public void The_waits_grow_and_are_capped()
    {
        var waits = Enumerable.Range(0, 8).Select(RestartRule.DelayBefore).Select(w => w.TotalSeconds).ToArray();
        Assert.Equal([1, 2, 5, 10, 30, 30, 30, 30], waits);
    }

    [Fact]
    public void A_resource_that_keeps_dying_young_climbs_the_back_off_and_a_stable_run_starts_it_afresh()
    {
        Assert.Equal(0, RestartRule.StepFor(0, TimeSpan.FromSeconds(3))); // the first death: 1 s
        Assert.Equal(3, RestartRule.StepFor(3, TimeSpan.FromSeconds(59))); // the fourth in a row: 10 s
        Assert.Equal(0, RestartRule.StepFor(4, RestartRule.Stable)); // after a minute's run: 1 s again
    }
}
