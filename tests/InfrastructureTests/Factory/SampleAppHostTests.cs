using System.Net;
using System.Net.Sockets;
using PetitionPlatform.Hosting;
using PetitionPlatform.Hosting.Testing;
using PetitionPlatform.InfrastructureTests.Support;

namespace PetitionPlatform.InfrastructureTests.Factory;

/// <summary>
/// The sample AppHost (Samples/SampleAppHost: PostgreSQL, a database, a broker on request, two services) run through the
/// testing factory, exactly as end-to-end tests run the platform's AppHost.
/// </summary>
[Collection(SampleAppHostCollection.Name)]
public sealed class SampleAppHostTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private string SampleServiceDll => new Projects.SampleService().TargetPath;

    [Fact]
    public async Task The_apphost_graph_starts_in_process_wired_end_to_end_and_stops_without_leftovers()
    {
        List<int> processes;
        await using (var app = await Start("--Sample:Messaging=true"))
        {
            using var client = new HttpClient();
            var backend = app.GetEndpoint("backend");
            var frontend = app.GetEndpoint("frontend");

            Assert.Equal("sampledb", await client.GetStringAsync(new Uri(backend, "/database")));
            Assert.StartsWith("amqp://", await client.GetStringAsync(new Uri(backend, "/environment/ConnectionStrings__messaging")), StringComparison.Ordinal);
            Assert.Equal(backend.GetLeftPart(UriPartial.Authority), await client.GetStringAsync(new Uri(frontend, "/environment/services__backend__http__0")));
            Assert.Equal("frontend", await client.GetStringAsync(new Uri(frontend, "/environment/OTEL_SERVICE_NAME")));
            Assert.Equal("hello", await client.GetStringAsync(new Uri(frontend, "/environment/Sample__Greeting")));
            Assert.Equal(200, (int)(await client.GetAsync(app.GetEndpoint("messaging", "management"))).StatusCode);
            processes = [.. app.Application.Resources.Select(r => r.ProcessId).OfType<int>()];
            Assert.Equal(4, processes.Count);
        }

        await OsProcesses.AssertGoneAsync(processes);
        Assert.Empty(OsProcesses.Mentioning(_directory.Path));
        Assert.Empty(OsProcesses.Mentioning(SampleServiceDll));
    }

    [Fact]
    public async Task A_resource_that_never_becomes_healthy_fails_the_start_by_name_and_leaves_nothing_running()
    {
        var failure = await Assert.ThrowsAsync<HostingException>(() => Start("--Sample:HealthPath=/missing", "--AppHost:StartupTimeout=00:00:03"));

        Assert.StartsWith("Resource 'backend' did not become healthy within 3 s", failure.Message, StringComparison.Ordinal);
        Assert.NotEmpty(failure.Details);
        Assert.Empty(OsProcesses.Mentioning(_directory.Path));
        Assert.Empty(OsProcesses.Mentioning(SampleServiceDll));
    }

    [Fact]
    public async Task A_fixed_port_in_use_fails_before_anything_starts()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var failure = await Assert.ThrowsAsync<HostingException>(() => Start($"--Frontend:Port={port}"));

        Assert.Equal($"Port {port} is in use; stop the other process or run with --Frontend:Port=<port>.", failure.Message);
        Assert.False(Directory.Exists(_directory.Combine("data/postgres")));
    }

    [Fact]
    public void Generated_project_metadata_points_at_the_built_service_of_this_configuration()
    {
        var project = new Projects.SampleService();
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif

        Assert.EndsWith("/Samples/SampleService/SampleService.csproj", project.ProjectPath, StringComparison.Ordinal);
        Assert.EndsWith($"/bin/{configuration}/net10.0/PetitionPlatform.SampleService.dll", project.TargetPath, StringComparison.Ordinal);
        Assert.True(File.Exists(project.TargetPath));
    }

    public void Dispose() => _directory.Dispose();

    private Task<RunningApplication> Start(params string[] args) =>
        DistributedApplicationFactory.StartAsync(
            typeof(Projects.SampleService).Assembly, [$"--AppHost:DataDirectory={_directory.Combine("data")}", "--Dashboard:Port=0", .. args]);
}
