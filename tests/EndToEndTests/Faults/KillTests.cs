using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.EndToEndTests.Lifecycle;
using Xunit.Abstractions;

namespace PetitionPlatform.EndToEndTests.Faults;

/// <summary>
/// Issue 13's kill test, short enough for CI: while petitions are registered at a steady rate, services are killed with
/// SIGKILL one after the other and started again from the app host (as the dashboard's Start button does), and the
/// broker is restarted. Afterwards every petition the gateway accepted has exactly one case, its ledger's stages and its
/// receipt, and its unit was told once: none lost, none twice. The counts checked are printed.
/// </summary>
[Collection("faults")]
public sealed class KillTests(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>
    /// The load's pace, about what a busy province sends: a rate, not a wait for a result. Back to back, the gateway's
    /// per-client rate limit would refuse most registrations and the checks afterwards would read thousands of petitions.
    /// </summary>
    private static readonly TimeSpan s_pace = TimeSpan.FromMilliseconds(400);

    /// <summary>How many more petitions must be accepted between one fault and the next.</summary>
    private const int Between = 5;

    /// <summary>Every service with a database and a bus (identity only issues tokens the others have cached keys for).</summary>
    private static readonly string[] s_killed = ["handling", "routing", "intake", "notification", "supervision", "audit"];

    /// <summary>One round in CI; <c>eng/chaos.sh --rounds N</c> runs more (<c>PETITION_CHAOS_ROUNDS</c>).</summary>
    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("PETITION_CHAOS_ROUNDS"), out var rounds) && rounds > 0 ? rounds : 1;
    private const string Unit = "130724/hrss";

    [Fact]
    public async Task Killed_services_and_a_restarted_broker_lose_nothing_and_double_nothing()
    {
        using var stop = new CancellationTokenSource();
        var load = RegisterSteadilyAsync(stop.Token);

        var recovery = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var service in s_killed)
            {
                await WhileLoadRunsAsync(load);
                recovery.Add($"{service} {await KillAndStartAsync(service):F1} s");
            }

            // Not yet restarted here (issue 13's note says why): PostgreSQL, which the app host fails to stop while the
            // services hold connections, and the broker's container, which the app host fails to start again.
            await WhileLoadRunsAsync(load);
            if (IsContainer("messaging"))
            {
                output.WriteLine("messaging runs in a container: its restart is left out (the app host cannot start it again)");
            }
            else
            {
                recovery.Add($"messaging {await RestartAsync("messaging"):F1} s");
            }
        }

        await WhileLoadRunsAsync(load);
        await stop.CancelAsync();
        var accepted = await load;
        output.WriteLine($"recovery (killed or restarted until healthy): {string.Join(", ", recovery)}");

        var unitNotifications = await platform.As(Unit).NotificationsAsync(Unit,
            n => accepted.All(p => n.Templates(p.PetitionId).Contains("new-case")), because: "the unit hears of every case");
        var cases = 0;
        var ledgers = 0;
        var receipts = 0;
        foreach (var petition in accepted)
        {
            cases += (await platform.Gateway.CasesAsync(petition.PetitionId, count: 1)).GetArrayLength();
            var ledger = await Eventually.HoldsAsync(() => platform.Gateway.GetJsonAsync($"/api/supervision/petitions/{petition.PetitionId}"),
                l => l.GetProperty("stages").EnumerateArray().Any(s => s.GetProperty("stage").GetString() == "acceptance"),
                because: "the ledger follows the case");
            Assert.Equal(1, ledger.GetProperty("stages").EnumerateArray().Count(s => s.GetProperty("stage").GetString() == "acceptance"));
            ledgers++;
            var messages = await platform.Anonymous.PetitionerMessagesAsync(petition.TrackingCode,
                m => m.Templates(petition.PetitionId).Contains("receipt"), because: "the petitioner gets a receipt");
            Assert.Equal(1, messages.Templates(petition.PetitionId).Count(t => t == "receipt"));
            receipts++;
            Assert.Equal(1, unitNotifications.Templates(petition.PetitionId).Count(t => t == "new-case"));
        }

        output.WriteLine($"petitions accepted {accepted.Count}; cases {cases}; acceptance stages {ledgers}; receipts {receipts}; new-case notices {accepted.Count}");
        Assert.True(accepted.Count >= 20, $"the load kept going ({accepted.Count} accepted)");
        Assert.Equal(accepted.Count, cases);
    }

    /// <summary>Registers one petition after another at the load's pace until stopped; a refusal while intake restarts is not a petition.</summary>
    private async Task<List<Registered>> RegisterSteadilyAsync(CancellationToken stop)
    {
        var accepted = new List<Registered>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await platform.Portal.PostAsJsonAsync("/api/intake/petitions", Petitions.GuyuanWageArrears(), CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var answer = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                    accepted.Add(new Registered(answer.GetProperty("petitionId").GetString()!, answer.GetProperty("number").GetString()!,
                        answer.GetProperty("trackingCode").GetString()!));
                }
                else
                {
                    Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.ServiceUnavailable,
                        $"registration answered {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException)
            {
                // The gateway could not reach intake for a moment: the agency would try again.
            }

            Volatile.Write(ref _accepted, accepted.Count);
            try
            {
                await Task.Delay(s_pace, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return accepted;
    }

    private int _accepted;

    /// <summary>Waits until a few more petitions were accepted: the fault comes while the load flows (and the load is still running).</summary>
    private async Task WhileLoadRunsAsync(Task load)
    {
        var from = Volatile.Read(ref _accepted);
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref _accepted)), count => count >= from + Between || load.IsCompleted,
            because: "the load flows", seconds: 120);
        Assert.False(load.IsCompleted, "the load is still running");
    }

    private async Task<double> KillAndStartAsync(string resource)
    {
        var started = Stopwatch.GetTimestamp();
        var notifications = platform.App.ResourceNotifications;
        Assert.True(notifications.TryGetCurrentState(resource, out var running), resource);
        var launched = Convert.ToInt32(running.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, System.Globalization.CultureInfo.InvariantCulture);
        var pid = ServiceProcessOf(launched);
        output.WriteLine($"{resource}: killing {pid} ({File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()})");
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill(); // SIGKILL: no shutdown hooks, no draining
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await notifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text != KnownResourceStates.Running, patience.Token);
        var result = await platform.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, patience.Token);
        Assert.True(result.Success, $"{resource} starts again: {result.Message}");
        await notifications.WaitForResourceHealthyAsync(resource, patience.Token);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>
    /// The process that runs the service: the orchestrator may start it through a launcher (<c>dotnet run</c>), whose
    /// last descendant is the service itself. Killing the launcher instead would leave the service running, orphaned.
    /// </summary>
    private static int ServiceProcessOf(int launched)
    {
        var pid = launched;
        while (File.Exists($"/proc/{pid}/task/{pid}/children")
            && File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var child, ..])
        {
            pid = int.Parse(child, System.Globalization.CultureInfo.InvariantCulture);
        }

        return pid;
    }

    private bool IsContainer(string resource) =>
        platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource) is ContainerResource;

    private async Task<double> RestartAsync(string resource)
    {
        var started = Stopwatch.GetTimestamp();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await platform.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, KnownResourceCommands.RestartCommand, patience.Token);
        Assert.True(result.Success, $"{resource} restarts: {result.Message}");
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, patience.Token);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
