using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.Console;
using PetitionPlatform.Hosting.Dashboard.Resources;
using PetitionPlatform.Hosting.Dashboard.Telemetry;

namespace PetitionPlatform.Hosting.Dashboard;

/// <summary>
/// The host's own dashboard: a small Kestrel app on loopback inside the AppHost process. It starts before any resource,
/// because services export their telemetry to it from their first second, and stops after the last one.
/// </summary>
internal sealed class DashboardServer(DashboardContext context, ResourceConsole console) : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri Url => context.Settings.Url;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "PetitionPlatform.Dashboard",
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The host's console already shows every resource; the dashboard adds only its own warnings and errors.
        builder.Logging.ClearProviders()
            .AddProvider(new HostConsoleLoggerProvider(console))
            .SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, context.Settings.Port));
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(context);
        builder.Services.AddResourceViews();
        builder.Services.AddDashboardTelemetry(context.Settings.TelemetryLimits);

        var app = builder.Build();
        DashboardAssets.Map(app);
        ResourceEndpoints.Map(app);
        TelemetryEndpoints.Map(app);
        app.MapGet("/api/dashboard", () => new { application = "PetitionPlatform", startedAt = context.StartedAt });

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
        {
            await app.DisposeAsync();
            throw new HostingException(
                $"Port {context.Settings.Port} of the dashboard is in use; stop the other process or run with --{DashboardSettings.PortSetting}=<port>.");
        }

        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
