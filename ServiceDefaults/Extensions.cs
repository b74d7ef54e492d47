using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PetitionPlatform.ServiceDefaults.Problems;
using PetitionPlatform.ServiceDefaults.Startup;
using PetitionPlatform.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The cross-cutting defaults every PetitionPlatform service (and the gateway) starts with, in the shape of
/// Aspire's ServiceDefaults: telemetry, health endpoints, service discovery and resilient HTTP clients.
/// </summary>
public static class Extensions
{
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";
    private const string MetricsPath = "/metrics";
    // Every meter and span source of the platform is named PetitionPlatform.<Part> (see docs/telemetry.md).
    private const string PlatformSources = "PetitionPlatform.*";
    private const string MetricExportIntervalKey = "OTEL_METRIC_EXPORT_INTERVAL";
    private const int DefaultMetricExportIntervalMilliseconds = 5000;

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        StartupFailureException.ExplainInsteadOfCrashing(builder.Environment.ApplicationName);
        // The host logs a start-up failure with its whole stack trace before rethrowing it; on the console the one
        // sentence printed for it is enough (telemetry still receives the full record). Critical entries still show.
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // Every HttpClient call would otherwise write four lines (the factory's handlers) and one more per resilience
        // attempt, the directory lookups of each registration and the OTLP exporter's included; failures, retries and
        // broken circuits are still logged, at Warning, and every call is a span of its trace.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddProblemDetails();
        // A parameter that does not bind, or a body over the limit, is a problem naming it, not a 500 or a bare 400.
        builder.Services.AddExceptionHandler<BadRequestProblem>();
        // A database restarting or out of reach is a 503 to try again, not a 500.
        builder.Services.AddExceptionHandler<DatabaseUnavailableProblem>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // A NUL or another control character in a path or query is a 400 naming it, in every service and the gateway.
        builder.Services.AddTransient<IStartupFilter, UnreadableRequestText>();
        // Every 503 says when to try again, wherever the outage was met.
        builder.Services.AddTransient<IStartupFilter, RetryAfterOnUnavailable>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Console lines carry the trace and span of the work they belong to, so a line read in the AppHost's console
        // view leads to its trace (the OTLP records carry both ids by themselves).
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(console => console.IncludeScopes = true);

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("MassTransit", PlatformSources)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, "MassTransit", PlatformSources)
                // Probes from the AppHost and the gateway would otherwise drown every real trace; so would scrapes.
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context => !QuietProbes.IsProbeOrScrape(context.Request.Path);
                    HttpSpanEnrichment.Configure(options);
                })
                .AddHttpClientInstrumentation(HttpSpanEnrichment.Configure)
                .AddNpgsql()
                .AddProcessor(new ConsumerSpanInheritance()));

        // Export only where a collector was configured (the AppHost sets it); otherwise telemetry stays in-process.
        // UseOtlpExporter honours OTEL_EXPORTER_OTLP_PROTOCOL; with http/protobuf it posts to /v1/traces, /v1/metrics, /v1/logs.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
            if (string.IsNullOrWhiteSpace(builder.Configuration[MetricExportIntervalKey]))
            {
                // The SDK's default minute is too slow for a developer watching a chart react to a request.
                builder.Services.Configure<MetricReaderOptions>(options =>
                    options.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = DefaultMetricExportIntervalMilliseconds);
            }
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // "live" says the process is responsive; everything else (database, broker) is readiness and only counts on /health.
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: ready (every registered check, database and broker included) and <c>/alive</c>: liveness only.
    /// Both stay mapped outside Development because the AppHost and the gateway's aggregate health depend on them;
    /// they reveal only check names and states.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseQuietProbes();
        // Probes have no token: the AppHost, the gateway's aggregate and an orchestrator ask on the service's own port.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapMetricsEndpoint();
        return app;
    }

    /// <summary>
    /// <c>/metrics</c>: the Prometheus text of every instrument, business meters included. The gateway's route table
    /// does not lead here, so only what can reach a service's own port (the AppHost, a Prometheus beside it) scrapes it.
    /// </summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }
}
