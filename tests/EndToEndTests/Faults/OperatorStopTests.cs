using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace PetitionPlatform.EndToEndTests.Faults;

/// <summary>
/// The other half of the restart policy (the kill test is the first): what the operator stops with the dashboard's Stop
/// is left stopped, and comes back when the operator starts it. Waits for the policy's own word that it stood aside
/// rather than for a time in which nothing happens.
/// </summary>
[Collection("faults")]
public sealed class OperatorStopTests(PlatformFixture platform)
{
    private const string Service = "audit";

    [Fact]
    public async Task A_service_the_operator_stops_stays_stopped_until_started()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(Service, patience.Token);
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(Service, out var running));
        var resourceId = running.ResourceId;

        var stopped = await commands.ExecuteCommandAsync(Service, KnownResourceCommands.StopCommand, patience.Token);
        Assert.True(stopped.Success, stopped.Message);

        await Eventually.HoldsAsync(() => Task.FromResult(Decisions(resourceId)),
            decisions => decisions.Any(d => d.Contains("stays stopped", StringComparison.Ordinal)),
            because: "the restart policy says it leaves the stopped service alone", seconds: 60);
        Assert.DoesNotContain(Decisions(resourceId), d => d.Contains("starting it again", StringComparison.Ordinal));
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(Service, out var now));
        Assert.Contains(now.Snapshot.State?.Text, KnownResourceStates.TerminalStates);

        var started = await commands.ExecuteCommandAsync(Service, KnownResourceCommands.StartCommand, patience.Token);
        Assert.True(started.Success, started.Message);
        await platform.HealthyAgainAsync(Service, patience.Token);
    }

    private List<string> Decisions(string resourceId) =>
        [.. platform.AppHostLog.Records.Select(r => r.Message).Where(m => m.StartsWith(resourceId + " ", StringComparison.Ordinal))];
}
