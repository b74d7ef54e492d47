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
/// SIGKILL one after the other and come back by themselves (the app host's restart policy: nobody presses Start),
/// PostgreSQL and RabbitMQ are restarted as an operator does (the Restart command), and the broker is SIGKILLed and
/// comes back by itself too — in both infrastructure modes. Afterwards every petition the gateway accepted has exactly
/// one case, its ledger's stages and its receipt, and its unit was told once: none lost, none twice. The counts
/// checked and each recovery time are printed.
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

    /// <summary>The servers, as Program.cs names them.</summary>
    private const string Database = "postgres";
    private const string Broker = "messaging";

    /// <summary>How long one recovery may take: a back-off step or two and a service's start on a busy machine.</summary>
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(2);

    /// <summary>How long the flow may take to drain after the last fault: three back-offs of a minute, one per hop.</summary>
    private const int DrainSeconds = 180;

    /// <summary>One round in CI; <c>eng/chaos.sh --rounds N</c> runs more (<c>PETITION_CHAOS_ROUNDS</c>).</summary>
    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("PETITION_CHAOS_ROUNDS"), out var rounds) && rounds > 0 ? rounds : 1;
    private const string Unit = "130724/hrss";

    [Fact]
    public async Task Killed_services_and_restarted_or_killed_servers_lose_nothing_and_double_nothing()
    {
        using var stop = new CancellationTokenSource();
        var load = RegisterSteadilyAsync(stop.Token);

        var recovery = new List<string>();
        var faultsFrom = DateTimeOffset.UtcNow;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var service in s_killed)
            {
                await WhileLoadRunsAsync(load);
                recovery.Add($"{service} killed {await KillAsync(service):F1} s");
            }

            await WhileLoadRunsAsync(load);
            recovery.Add($"{Database} restarted {await RestartAsync(Database):F1} s");

            await WhileLoadRunsAsync(load);
            recovery.Add($"{Broker} restarted {await RestartAsync(Broker):F1} s");
            await WhileLoadRunsAsync(load);
            recovery.Add($"{Broker} killed {await KillAsync(Broker):F1} s");
        }

        await WhileLoadRunsAsync(load);
        await stop.CancelAsync();
        var accepted = await load;
        output.WriteLine($"recovery (killed or restarted until healthy): {string.Join(", ", recovery)}");

        // The last fault was the broker's: outboxes that met it wait out their back-off (up to a minute a hop) first.
        var unitNotifications = await platform.As(Unit).NotificationsAsync(Unit,
            n => accepted.All(p => n.Templates(p.PetitionId).Contains("new-case")), because: "the unit hears of every case", seconds: DrainSeconds);
        var cases = 0;
        var ledgers = 0;
        var receipts = 0;
        foreach (var petition in accepted)
        {
            try
            {
                cases += (await platform.Gateway.CasesAsync(petition.PetitionId, count: 1)).GetArrayLength();
                var ledger = await Eventually.HoldsAsync(() => platform.Gateway.GetJsonAsync($"/api/supervision/petitions/{petition.PetitionId}"),
                    l => l.GetProperty("stages").EnumerateArray().Any(s => s.GetProperty("stage").GetString() == "acceptance"),
                    because: "the ledger follows the case", seconds: DrainSeconds);
                Assert.Equal(1, ledger.GetProperty("stages").EnumerateArray().Count(s => s.GetProperty("stage").GetString() == "acceptance"));
                ledgers++;
                var messages = await platform.Anonymous.PetitionerMessagesAsync(petition.TrackingCode,
                    m => m.Templates(petition.PetitionId).Contains("receipt"), because: "the petitioner gets a receipt", seconds: DrainSeconds);
                Assert.Equal(1, messages.Templates(petition.PetitionId).Count(t => t == "receipt"));
                receipts++;
                Assert.Equal(1, unitNotifications.Templates(petition.PetitionId).Count(t => t == "new-case"));
            }
            catch (Exception)
            {
                await WriteWhatTheServicesSaidAsync(petition, faultsFrom);
                throw;
            }
        }

        output.WriteLine($"petitions accepted {accepted.Count}; cases {cases}; acceptance stages {ledgers}; receipts {receipts}; new-case notices {accepted.Count}");
        Assert.True(accepted.Count >= 20, $"the load kept going ({accepted.Count} accepted)");
        Assert.Equal(accepted.Count, cases);
    }

    /// <summary>The warnings of messaging (retries, holds, outboxes) and every error; not the early warnings, which are the domain's.</summary>
    private static readonly string[] s_faultWords = ["warn: PetitionPlatform.Messaging", "warn: MassTransit", "fail:", "crit:"];

    /// <summary>
    /// A failed check's clue, since the run keeps no logs of its own: where the petition's messages stand in each
    /// database, every line a service wrote about the petition, and every warning or error of the services and servers
    /// since the first fault (holds, retries, refusals).
    /// </summary>
    private async Task WriteWhatTheServicesSaidAsync(Registered petition, DateTimeOffset since)
    {
        output.WriteLine($"Where petition {petition.PetitionId}'s messages stand:");
        foreach (var line in await MessageTrail.OfAsync(platform, petition.PetitionId))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"What the services said about petition {petition.PetitionId} ({petition.Number}):");
        foreach (var line in platform.ServiceLog.About(petition.PetitionId))
        {
            output.WriteLine(line);
        }

        output.WriteLine("Their warnings and errors since the first fault:");
        foreach (var resource in s_killed)
        {
            foreach (var line in platform.ServiceLog.Of(resource, since, s_faultWords).Take(400))
            {
                output.WriteLine(line);
            }
        }
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
                    // The gateway's words for a service that is down (503), was killed mid-request (502) or, restarting on
                    // a busy machine, did not answer in time (504): an agency tries again. A 500 would be a fault of ours.
                    Assert.True((int)response.StatusCode < 500 || response.StatusCode is HttpStatusCode.ServiceUnavailable
                        or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout, $"registration answered {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException)
            {
                // The gateway could not reach intake for a moment: the agency would try again.
            }
            catch (TaskCanceledException) when (!stop.IsCancellationRequested)
            {
                // No answer within the client's 30 s while a service restarts on a busy machine: tried again, too.
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
        if (load.IsCompleted)
        {
            await load; // the load's own failure (a registration answered 5xx other than 503), rather than a bare "stopped"
            Assert.Fail("the load stopped");
        }
    }

    /// <summary>
    /// SIGKILLs the resource (a service's process, the broker's process or container) and waits until the app host has
    /// seen it die and brought it back healthy by itself. Seconds from the kill until healthy.
    /// </summary>
    private async Task<double> KillAsync(string resource)
    {
        var started = Stopwatch.GetTimestamp();
        var notifications = platform.App.ResourceNotifications;
        Assert.True(notifications.TryGetCurrentState(resource, out var running), resource);
        if (IsContainer(resource))
        {
            var container = (string)running.Snapshot.Properties.Single(p => p.Name == "container.id").Value!;
            output.WriteLine($"{resource}: killing container {container[..12]}");
            await DockerKillAsync(container);
        }
        else
        {
            var launched = LaunchedProcessOf(running);
            // A service may run under a launcher (dotnet run); the broker is the launched process itself (its children
            // are the Erlang VM's helpers, not the broker).
            var pid = resource == Broker ? launched : ServiceProcessOf(launched);
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            output.WriteLine($"{resource}: killing {pid} ({command[..Math.Min(command.Length, 120)]})");
            using var process = Process.GetProcessById(pid);
            process.Kill(); // SIGKILL: no shutdown hooks, no draining
        }

        using var patience = new CancellationTokenSource(s_patience);
        var died = await notifications.WaitForResourceAsync(resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), patience.Token);
        output.WriteLine($"{resource}: seen dead ({died.Snapshot.State?.Text}, exit code {died.Snapshot.ExitCode}) after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        await HealthyAgainOrSayWhyAsync(resource, started, patience.Token);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>
    /// Waits until the resource is running and healthy again; if it is not in time, prints the end of its console
    /// (the run that came back), the one clue CI keeps to a start that stalled.
    /// </summary>
    private async Task HealthyAgainOrSayWhyAsync(string resource, long started, CancellationToken patience)
    {
        try
        {
            await platform.HealthyAgainAsync(resource, patience);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine($"{resource} not healthy again after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, its log's end:");
            output.WriteLine(string.Join('\n', await LogTailAsync(resource, lines: 60)));
            if (s_killed.Contains(resource))
            {
                await WriteHowTheServiceAnswersAsync(resource);
            }

            throw;
        }
    }

    private static async Task DockerKillAsync(string container)
    {
        using var docker = Process.Start(new ProcessStartInfo("docker", ["kill", "--signal", "KILL", container]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await docker.WaitForExitAsync();
        Assert.True(docker.ExitCode == 0, $"docker kill {container}: {await docker.StandardError.ReadToEndAsync()}");
    }

    /// <summary>
    /// A service that is not healthy again: its process's state, and what it answers on its own port, past the app
    /// host's proxy, so that a start that hangs, a process that does not answer and a proxy that does not reach it can
    /// be told apart.
    /// </summary>
    private async Task WriteHowTheServiceAnswersAsync(string resource)
    {
        try
        {
            Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(resource, out var current), resource);
            var launched = LaunchedProcessOf(current);
            var pid = ServiceProcessOf(launched);
            var status = File.ReadAllLines($"/proc/{pid}/status").Where(l => l.StartsWith("State:", StringComparison.Ordinal) || l.StartsWith("Threads:", StringComparison.Ordinal));
            output.WriteLine($"{resource}: launched {launched}, process {pid} ({File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()}): {string.Join(", ", status)}");
            var urls = File.ReadAllText($"/proc/{pid}/environ").Split('\0').FirstOrDefault(v => v.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal));
            if (urls?["ASPNETCORE_URLS=".Length..].Split(';')[0] is not { Length: > 0 } own)
            {
                output.WriteLine($"{resource}: no ASPNETCORE_URLS in its environment");
                return;
            }

            using var direct = new HttpClient { BaseAddress = new Uri(own), Timeout = TimeSpan.FromSeconds(10) };
            foreach (var path in new[] { "/alive", "/health" })
            {
                var asked = Stopwatch.GetTimestamp();
                try
                {
                    using var answer = await direct.GetAsync(path);
                    output.WriteLine($"{resource} at {own}{path}: {(int)answer.StatusCode} after {Stopwatch.GetElapsedTime(asked).TotalSeconds:F1} s: {await answer.Content.ReadAsStringAsync()}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    output.WriteLine($"{resource} at {own}{path}: no answer after {Stopwatch.GetElapsedTime(asked).TotalSeconds:F1} s ({e.GetType().Name}: {e.Message})");
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            output.WriteLine($"{resource}: its process could not be read ({e.Message})");
        }
    }

    /// <summary>The process the app host started for the resource (for a service, possibly its launcher).</summary>
    private static int LaunchedProcessOf(ResourceEvent resource) =>
        Convert.ToInt32(resource.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, System.Globalization.CultureInfo.InvariantCulture);

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

    private async Task<IEnumerable<string>> LogTailAsync(string resource, int lines)
    {
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(resource, out var current), resource);
        var tail = new Queue<string>();
        await foreach (var batch in platform.App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(current.ResourceId))
        {
            foreach (var line in batch)
            {
                tail.Enqueue(line.Content);
                if (tail.Count > lines)
                {
                    tail.Dequeue();
                }
            }
        }

        return tail;
    }

    /// <summary>The operator's Restart (the dashboard's button, through the same command); seconds until healthy again.</summary>
    private async Task<double> RestartAsync(string resource)
    {
        var started = Stopwatch.GetTimestamp();
        using var patience = new CancellationTokenSource(s_patience);
        var result = await platform.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, KnownResourceCommands.RestartCommand, patience.Token);
        if (!result.Success)
        {
            // What the server said while it was asked to stop: the one clue to a restart that failed.
            output.WriteLine($"{resource} after a failed restart ({Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s), its log's end:");
            output.WriteLine(string.Join('\n', await LogTailAsync(resource, lines: 40)));
        }

        Assert.True(result.Success, $"{resource} restarts: {result.Message}");
        await HealthyAgainOrSayWhyAsync(resource, started, patience.Token);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
