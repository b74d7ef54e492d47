using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Console;
using PetitionPlatform.Hosting.Dashboard;
using PetitionPlatform.Hosting.Dashboard.Resources;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Orchestration;
using PetitionPlatform.Hosting.Testing;

namespace PetitionPlatform.Hosting;

/// <summary>
/// A built application: <see cref="Run"/> starts every resource in dependency order, prints where everything is, and
/// stops it all in reverse order on Ctrl+C or SIGTERM. Data stays in the data directory between runs.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ResourceConsole _console;
    private readonly ILogger _logger;
    private readonly ResourceRunner _runner;
    private readonly Orchestrator _orchestrator;
    private readonly DashboardServer? _dashboard;
    private readonly Lock _gate = new();
    private Task? _start;
    private Task? _stop;

    internal DistributedApplication(
        IReadOnlyList<IResource> resources,
        IConfiguration configuration,
        ILoggerFactory loggerFactory,
        IInfrastructureProvider provider,
        AppHostSettings settings,
        ResourceConsole console)
    {
        Resources = resources;
        Configuration = configuration;
        Settings = settings;
        _loggerFactory = loggerFactory;
        _console = console;
        _logger = loggerFactory.CreateLogger<DistributedApplication>();
        // Databases write nothing of their own (their server does), so only the rest need a prefix colour.
        _console.Register(resources.Where(r => r is not IResourceWithParent).Select(r => r.Name));
        var limits = ResourceLimits.From(configuration);
        limits.ApplyTo(resources);
        _runner = new ResourceRunner(provider, settings, console, TimeProvider.System, _logger);
        _orchestrator = new Orchestrator(resources, _runner, settings, _logger);
        if (settings.Dashboard.Enabled)
        {
            _dashboard = new DashboardServer(
                new DashboardContext(resources, settings.Dashboard, TimeProvider.System) { Orchestrator = _orchestrator, ResourceLimits = limits }, console);
        }
    }

    public IConfiguration Configuration { get; }

    public IReadOnlyList<IResource> Resources { get; }

    internal AppHostSettings Settings { get; }

    /// <summary>The dashboard's address (pages, JSON API, OTLP receiver), or null when <c>Dashboard:Enabled</c> is false.</summary>
    public Uri? DashboardUrl => _dashboard?.Url;

    /// <summary>A builder configured from the AppHost's appsettings.json, environment variables and <paramref name="args"/>.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var appHostDirectory = FactorySession.Current?.AppHostDirectory ?? AppContext.BaseDirectory;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(appHostDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var console = new ResourceConsole();
        var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(configuration.GetValue("Logging:LogLevel:Default", LogLevel.Information))
            .AddProvider(new HostConsoleLoggerProvider(console)));
        return new DistributedApplicationBuilder(configuration, loggerFactory, appHostDirectory, console);
    }

    /// <summary>
    /// Starts everything, waits for Ctrl+C or SIGTERM, then stops everything. A failure is printed as one sentence (and
    /// the failing resource's last log lines) and sets a non-zero exit code. Under
    /// <see cref="DistributedApplicationFactory"/>, hands the started application to the test instead of waiting for a signal.
    /// </summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (FactorySession.Current is { } session)
        {
            await RunForFactoryAsync(session);
            return;
        }

        using var signals = new ShutdownSignals();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signals.Requested);
        try
        {
            await StartAsync(stop.Token);
            _console.WriteBlock(ResourceTable.Render(Resources, DashboardUrl));
            ApplicationLog.Running(_logger);
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (HostingException failure)
        {
            Report(failure);
            Environment.ExitCode = 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: stop below.
        }
        finally
        {
            await DisposeAsync();
        }
    }

    /// <summary>Starts every resource and returns once all are ready; throws <see cref="HostingException"/> if one cannot start.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _start ??= StartAllAsync(cancellationToken);
        }
    }

    /// <summary>Stops every resource in reverse dependency order; safe to call more than once.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _stop ??= StopAllAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Where a resource listens: a project's HTTP endpoint by name; "tcp" for PostgreSQL; "amqp" or "management" for
    /// RabbitMQ.
    /// </summary>
    public Uri GetEndpoint(string resourceName, string endpointName = "http")
    {
        var resource = Resources.FirstOrDefault(r => string.Equals(r.Name, resourceName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"There is no resource named '{resourceName}'.", nameof(resourceName));
        return (resource, endpointName) switch
        {
            (ProjectResource project, _) => project.GetEndpoint(endpointName).Url,
            (PostgresServerResource { Server: { } server }, "tcp") => new Uri($"tcp://{server.Host}:{server.Port}"),
            (RabbitMQServerResource { Server: { } server }, "amqp" or "tcp") => new Uri($"amqp://{server.Host}:{server.AmqpPort}"),
            (RabbitMQServerResource { Server: { } server }, "management" or "http") => server.ManagementUri,
            _ => throw new ArgumentException($"'{resourceName}' has no running endpoint named '{endpointName}'.", nameof(endpointName)),
        };
    }

    // The dashboard first, so services export to it from their first second; it stops last for the same reason.
    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        if (_dashboard is not null)
        {
            await _dashboard.StartAsync(cancellationToken);
        }

        await _orchestrator.StartAsync(cancellationToken);
    }

    private async Task StopAllAsync(CancellationToken cancellationToken)
    {
        await _orchestrator.StopAsync(cancellationToken);
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _runner.Dispose();
        _loggerFactory.Dispose();
    }

    private async Task RunForFactoryAsync(FactorySession session)
    {
        try
        {
            await StartAsync(session.Cancellation);
        }
        catch (Exception failure)
        {
            await StopAsync(CancellationToken.None);
            session.Fail(failure);
            return;
        }

        session.Started(this);
        try
        {
            await session.Released;
        }
        finally
        {
            await DisposeAsync();
        }
    }

    private void Report(HostingException failure)
    {
        _console.WriteLine(ResourceConsole.HostSource, "error: " + failure.Message, toStandardError: true);
        foreach (var line in failure.Details)
        {
            _console.WriteLine(ResourceConsole.HostSource, "  " + line, toStandardError: true);
        }
    }
}
