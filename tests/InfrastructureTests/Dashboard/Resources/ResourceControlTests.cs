using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PetitionPlatform.Hosting.Testing;
using PetitionPlatform.InfrastructureTests.Factory;
using PetitionPlatform.InfrastructureTests.Support;

namespace PetitionPlatform.InfrastructureTests.Dashboard.Resources;

/// <summary>
/// Start, stop and restart through the dashboard's API on the sample AppHost (PostgreSQL, a database, two services): real
/// processes, real ports, and the host's own stop afterwards.
/// </summary>
[Collection(SampleAppHostCollection.Name)]
public sealed class ResourceControlTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private static string SampleServiceDll => new Projects.SampleService().TargetPath;

    [Fact]
    public async Task A_project_stops_starts_and_restarts_on_its_ports_and_the_host_still_stops_every_process_once()
    {
        List<int> processes = [];
        await using (var app = await StartAsync())
        {
            using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };
            var first = await GetAsync(dashboard, "frontend");
            Assert.Equal("running", first.State);
            Assert.Equal(0, first.Restarts);
            Assert.Equal(["stop", "restart"], first.Commands);
            processes.Add(first.Pid!.Value);

            var stopped = await PostAsync(dashboard, "frontend", "stop", HttpStatusCode.OK);
            Assert.Equal("stopped", stopped.State);
            Assert.Null(stopped.Pid);
            await OsProcesses.AssertGoneAsync([first.Pid.Value]);
            await AssertProblemAsync(dashboard, "frontend", "stop", HttpStatusCode.Conflict, "'frontend' is already stopped.");

            var started = await PostAsync(dashboard, "frontend", "start", HttpStatusCode.OK);
            Assert.Equal("running", started.State);
            Assert.Equal(1, started.Restarts);
            Assert.NotEqual(first.Pid, started.Pid);
            Assert.Equal(first.Endpoints, started.Endpoints);
            processes.Add(started.Pid!.Value);
            await AssertProblemAsync(dashboard, "frontend", "start", HttpStatusCode.Conflict, "'frontend' is already running; restart it instead.");

            var restarted = await PostAsync(dashboard, "frontend", "restart", HttpStatusCode.OK);
            Assert.Equal("running", restarted.State);
            Assert.Equal(2, restarted.Restarts);
            Assert.NotEqual(started.Pid, restarted.Pid);
            processes.Add(restarted.Pid!.Value);
            await OsProcesses.AssertGoneAsync([started.Pid.Value]);

            // Same port and same environment: it still finds the backend it was wired to, on the address it had.
            using var client = new HttpClient();
            var frontend = new Uri(restarted.Endpoints.Single().Url);
            Assert.Equal(app.GetEndpoint("frontend"), frontend);
            Assert.Equal(app.GetEndpoint("backend").GetLeftPart(UriPartial.Authority), await client.GetStringAsync(new Uri(frontend, "/environment/services__backend__http__0")));
            Assert.Equal("hello", await client.GetStringAsync(new Uri(frontend, "/environment/Sample__Greeting")));

            processes.AddRange(app.Application.Resources.Select(r => r.ProcessId).OfType<int>());
        }

        await OsProcesses.AssertGoneAsync(processes);
        Assert.Empty(OsProcesses.Mentioning(_directory.Path));
        Assert.Empty(OsProcesses.Mentioning(SampleServiceDll));
    }

    [Fact]
    public async Task A_restart_asked_while_the_host_stops_leaves_no_process_behind()
    {
        var app = await StartAsync();
        using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };
        var processes = app.Application.Resources.Select(r => r.ProcessId).OfType<int>().ToList();

        var restart = dashboard.PostAsync(new Uri("/api/resources/frontend/restart", UriKind.Relative), null);
        await app.DisposeAsync();

        // Whichever came first, the restart either finished before the stop or was refused; never a process after it.
        try
        {
            using var response = await restart;
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
        }
        catch (HttpRequestException)
        {
            // The dashboard had already stopped listening.
        }

        await OsProcesses.AssertGoneAsync(processes);
        Assert.Empty(OsProcesses.Mentioning(_directory.Path));
        Assert.Empty(OsProcesses.Mentioning(SampleServiceDll));
    }

    [Fact]
    public async Task Servers_databases_and_unknown_names_are_refused_with_a_problem()
    {
        await using var app = await StartAsync();
        using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };

        await AssertProblemAsync(dashboard, "postgres", "stop", HttpStatusCode.Conflict, "shared by every service");
        await AssertProblemAsync(dashboard, "sampledb", "restart", HttpStatusCode.Conflict, "shared by every service");
        await AssertProblemAsync(dashboard, "nobody", "start", HttpStatusCode.NotFound, "There is no resource named 'nobody'.");
        using var unknown = await dashboard.GetAsync(new Uri("/api/resources/nobody", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var resources = (await dashboard.GetFromJsonAsync<List<Resource>>(new Uri("/api/resources", UriKind.Relative), Json))!;
        Assert.Equal(["postgres", "sampledb", "backend", "frontend"], resources.Select(r => r.Name));
        Assert.All(resources, r => Assert.Equal("running", r.State));
        var database = resources.Single(r => r.Name == "sampledb");
        Assert.Equal("postgres", database.Parent);
        Assert.Empty(database.Commands);
        Assert.Equal("healthy", database.Health.Status);
        Assert.StartsWith("tcp://127.0.0.1:", resources.Single(r => r.Name == "postgres").Endpoints.Single().Url, StringComparison.Ordinal);
        var backend = resources.Single(r => r.Name == "backend");
        Assert.Equal(["sampledb"], backend.WaitsFor);
        Assert.NotNull(backend.StartedAt);
    }

    [Fact]
    public async Task A_project_that_exits_on_its_own_shows_its_exit_code_and_can_be_started_again()
    {
        await using var app = await StartAsync();
        using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };
        using var client = new HttpClient();
        var backend = await GetAsync(dashboard, "backend");

        using var exit = await client.PostAsync(new Uri(app.GetEndpoint("backend"), "/exit/3"), null);
        var exited = await WaitForAsync(dashboard, "backend", r => r.State == "exited");

        Assert.Equal(3, exited.ExitCode);
        Assert.Null(exited.Pid);
        Assert.Equal("unknown", exited.Health.Status);
        Assert.Equal(["start", "restart"], exited.Commands);
        await OsProcesses.AssertGoneAsync([backend.Pid!.Value]);

        var started = await PostAsync(dashboard, "backend", "start", HttpStatusCode.OK);
        Assert.Equal("running", started.State);
        Assert.Null(started.ExitCode);
        Assert.Equal(1, started.Restarts);
        var healthy = await WaitForAsync(dashboard, "backend", r => r.Health.Status == "healthy");
        Assert.Equal("GET /health answered 200", healthy.Health.Detail);
    }

    public void Dispose() => _directory.Dispose();

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Task<RunningApplication> StartAsync() =>
        DistributedApplicationFactory.StartAsync(
            typeof(Projects.SampleService).Assembly, [$"--AppHost:DataDirectory={_directory.Combine("data")}", "--Dashboard:Port=0"]);

    private static async Task<Resource> GetAsync(HttpClient dashboard, string name) =>
        (await dashboard.GetFromJsonAsync<Resource>(new Uri($"/api/resources/{name}", UriKind.Relative), Json))!;

    // Health is polled every few seconds and an exit is noticed when the OS reports it, so these are waited for.
    private static async Task<Resource> WaitForAsync(HttpClient dashboard, string name, Func<Resource, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var resource = await GetAsync(dashboard, name);
            if (condition(resource))
            {
                return resource;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    private static async Task<Resource> PostAsync(HttpClient dashboard, string name, string command, HttpStatusCode expected)
    {
        using var response = await dashboard.PostAsync(new Uri($"/api/resources/{name}/{command}", UriKind.Relative), null);
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Resource>(Json))!;
    }

    private static async Task AssertProblemAsync(HttpClient dashboard, string name, string command, HttpStatusCode status, string detail)
    {
        using var response = await dashboard.PostAsync(new Uri($"/api/resources/{name}/{command}", UriKind.Relative), null);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(Json);
        Assert.Equal((int)status, problem!.Status);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }

    internal sealed record Resource(
        string Name, string Kind, string State, int? Pid, List<Endpoint> Endpoints, string? Parent, List<string> WaitsFor,
        int? Restarts, DateTimeOffset? StartedAt, int? ExitCode, Health Health, List<string> Commands);

    internal sealed record Endpoint(string Name, string Url);

    internal sealed record Health(string Status, string Detail);

    private sealed record Problem(int Status, string Title, string Detail);
}
