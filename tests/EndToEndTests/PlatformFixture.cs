using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using PetitionPlatform.EndToEndTests.Access;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.EndToEndTests;

/// <summary>
/// Runs AppHost/Program.cs — the same app model as <c>eng/run.sh</c> — through Aspire's test host, with Aspire's
/// orchestrator and dashboard, its data in a fresh directory and every port chosen afresh, once for all tests of the
/// collection. PostgreSQL and RabbitMQ run where the AppHost's own rule puts them (<c>PETITION_INFRASTRUCTURE</c>).
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = TestDirectories.Create("e2e");

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Every service's database on the stack's PostgreSQL server, for checks that read them directly.</summary>
    public IEnumerable<IResourceWithConnectionString> Databases() =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<IResourceWithConnectionString>()
            .Where(r => r is IResourceWithParent { Parent.Name: "postgres" });

    /// <summary>
    /// The gateway as the province's petition bureau calls it (signed in with its demo client): it reads everything of
    /// Hebei but reports. Units act on their cases with their own clients (<see cref="As"/>).
    /// </summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The gateway as the demo citizens' portal calls it: it registers petitions for any bureau they name.</summary>
    public HttpClient Portal { get; private set; } = null!;

    /// <summary>The gateway without a token, as a petitioner calls it.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The demo clients of the Development stack, with the secrets it generated at its first start.</summary>
    public DemoClients Clients { get; private set; } = null!;

    /// <summary>The dashboard's telemetry API (<c>/api/telemetry/…</c>), with the key the AppHost keeps in its data directory.</summary>
    public HttpClient DashboardApi { get; private set; } = null!;

    /// <summary>The dashboard's address with its login token, as a browser would open it.</summary>
    public Uri DashboardLogin { get; private set; } = null!;

    /// <summary>What the app host's recovery (its restart policy) logged.</summary>
    public LogCapture AppHostLog { get; } = new();

    /// <summary>
    /// Every line the services and servers wrote to their consoles, as the test host forwards them (category
    /// <c>…Resources.&lt;resource&gt;</c>): what a failed test prints about the petition it was waiting for, since
    /// nothing else keeps the services' logs of a run.
    /// </summary>
    public ServiceLogs ServiceLog { get; } = new();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartupBudget);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
            // Development: the tests drive the clocks through supervision's /dev/evaluate.
            [$"--AppHost:DataDirectory={_dataDirectory}", "--PETITION_ENVIRONMENT=Development", .. MoreArguments],
            timeout.Token);
        // Only the app host's own recovery decisions: every service's console output passes through its logging too.
        builder.Services.AddLogging(logging => logging
            .AddProvider(AppHostLog)
            .AddFilter<LogCapture>((category, _) => category?.StartsWith("PetitionPlatform.AppHost.Recovery", StringComparison.Ordinal) == true));
        builder.Services.AddLogging(logging => logging.AddProvider(ServiceLog));
        App = await builder.BuildAsync(timeout.Token);
        await using (var watch = new StartupWatch(App.ResourceNotifications))
        {
            try
            {
                await App.StartAsync(timeout.Token);
                await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException(watch.Report(StartupBudget, ServiceLog, AppHostLog));
            }
        }

        Anonymous = App.CreateHttpClient("gateway");
        Anonymous.Timeout = TimeSpan.FromSeconds(30);
        Clients = new DemoClients(Path.Combine(_dataDirectory, "identity", "clients.json"), () => Anonymous);
        Gateway = As(ProvinceBureau);
        Portal = As("portal");
        DashboardLogin = await App.GetDashboardUrlAsync(timeout.Token);
        DashboardApi = new HttpClient { BaseAddress = new Uri(DashboardLogin.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(30) };
        DashboardApi.DefaultRequestHeaders.Add("x-api-key", (await File.ReadAllTextAsync(Path.Combine(_dataDirectory, "secrets", "dashboard-api-key"))).Trim());
    }

    /// <summary>Further arguments of the app host, as <c>eng/run.sh</c> would pass them (none: the stack a newcomer runs).</summary>
    protected virtual IEnumerable<string> MoreArguments => [];

    /// <summary>
    /// How long the stack may take until the gateway is healthy. Services start in the order of their dependencies
    /// (routing before identity before the gateway), so the time grows with the processes that share the two cores.
    /// </summary>
    protected virtual TimeSpan StartupBudget => TimeSpan.FromMinutes(5);

    public const string ProvinceBureau = "130000/petition-bureau";

    /// <summary>
    /// Until the resource runs and is healthy, waiting through the states between (a resource's start passes through
    /// "Exited" of the run before): after a kill, a restart or the operator's Start.
    /// </summary>
    public Task<ResourceEvent> HealthyAgainAsync(string resource, CancellationToken cancellationToken) =>
        App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy,
            cancellationToken);

    /// <summary>The gateway as the demo client <paramref name="clientId"/> calls it.</summary>
    public HttpClient As(string clientId) => Clients.As(clientId, Anonymous.BaseAddress!);

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Portal?.Dispose();
        Anonymous?.Dispose();
        DashboardApi?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        // In container mode the servers' data is in volumes named after the directory; they go with it.
        PetitionPlatform.AppHost.Infrastructure.ContainerVolumes.Remove(_dataDirectory, "postgres", "messaging");
        TestDirectories.Delete(_dataDirectory);
    }
}

[CollectionDefinition("platform")]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>;
