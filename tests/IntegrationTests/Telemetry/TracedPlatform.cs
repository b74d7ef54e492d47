using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Gateway;
using PetitionPlatform.Handling.Data;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Notification.Data;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Telemetry;

/// <summary>
/// The five services on one virtual host behind the real gateway. Intake and supervision (the two the gateway's tests
/// reach) listen on real sockets, so the gateway's forwarded request crosses HTTP with its <c>traceparent</c> as in
/// production; the others are in-memory. Every log record of the gateway and intake is captured.
/// </summary>
internal sealed class TracedPlatform : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _hosts = [];

    private TracedPlatform()
    {
    }

    // One capture per host: each host hands its provider its own scope provider (which adds the trace and span ids).
    private readonly LogCapture _gatewayLogs = new();
    private readonly LogCapture _intakeLogs = new();

    public IReadOnlyList<CapturedLog> Logs => [.. _gatewayLogs.Records, .. _intakeLogs.Records];

    public ServiceFactory<IntakeDbContext> Intake { get; private set; } = null!;

    public ServiceFactory<SupervisionDbContext> Supervision { get; private set; } = null!;

    public WebApplicationFactory<GatewayOptions> Gateway { get; private set; } = null!;

    /// <summary>The gateway as a citizens' portal calls it, with a token of the real token service.</summary>
    public HttpClient Portal { get; private set; } = null!;

    public static async Task<TracedPlatform> StartAsync(SharedInfrastructure infrastructure)
    {
        var platform = new TracedPlatform();
        var messaging = await infrastructure.CreateVirtualHostAsync("traced");

        async Task<Dictionary<string, string?>> Settings(string database) => new()
        {
            [$"ConnectionStrings:{database}"] = await infrastructure.CreateDatabaseAsync(database),
            ["ConnectionStrings:messaging"] = messaging,
            ["Outbox:PollInterval"] = "00:00:00.500",
        };

        var routing = platform.Add(new ServiceFactory<RoutingDbContext>(await Settings("routingdb")));
        var directory = DirectoryWiring.Through(routing);
        platform.Intake = platform.Add(new ServiceFactory<IntakeDbContext>(await Settings("intakedb"), services =>
        {
            directory(services);
            services.AddSingleton<ILoggerProvider>(platform._intakeLogs);
        }));
        platform.Supervision = platform.Add(new ServiceFactory<SupervisionDbContext>(await Settings("supervisiondb"), directory));
        var handling = platform.Add(new ServiceFactory<HandlingDbContext>(await Settings("handlingdb"), directory));
        var notification = platform.Add(new ServiceFactory<NotificationDbContext>(await Settings("notificationdb")));

        platform.Intake.UseKestrel(0);
        platform.Supervision.UseKestrel(0);
        platform.Intake.StartServer();
        platform.Supervision.StartServer();
        await Task.WhenAll(
            ServiceSet.Ready(routing.CreateClient()),
            ServiceSet.Ready(platform.Intake.CreateClient()),
            ServiceSet.Ready(platform.Supervision.CreateClient()),
            ServiceSet.Ready(handling.CreateClient()),
            ServiceSet.Ready(notification.CreateClient()));

        var tokens = await SharedTokens.StartAsync(infrastructure);

        // Routes of services this platform does not put on a socket lead nowhere; the tests do not use them.
        var unreachable = "http://127.0.0.1:9";
        platform.Gateway = platform.Add(new WebApplicationFactory<GatewayOptions>().WithWebHostBuilder(gateway =>
        {
            gateway.UseSetting("services:intake:http:0", AddressOf(platform.Intake));
            gateway.UseSetting("services:supervision:http:0", AddressOf(platform.Supervision));
            foreach (var service in new[] { "routing", "handling", "notification" })
            {
                gateway.UseSetting($"services:{service}:http:0", unreachable);
            }

            gateway.ConfigureServices(services =>
            {
                services.AddSingleton<ILoggerProvider>(platform._gatewayLogs);
                tokens.ServeKeysTo(services);
            });
        }));
        platform.Portal = platform.Gateway.CreateClient();
        platform.Portal.DefaultRequestHeaders.Authorization = new("Bearer", await tokens.TokenForAsync("portal"));
        return platform;
    }

    private static string AddressOf<TContext>(ServiceFactory<TContext> service) where TContext : DbContext =>
        service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private T Add<T>(T host) where T : IAsyncDisposable
    {
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }
    }
}
