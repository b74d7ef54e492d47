namespace PetitionPlatform.AppHost;

internal static class ServiceResources
{
    /// <summary>The one switch for the services' environment; also read from <c>--PETITION_ENVIRONMENT=…</c>.</summary>
    public const string EnvironmentVariable = "PETITION_ENVIRONMENT";

    /// <summary>
    /// The services' environment: Production unless <c>PETITION_ENVIRONMENT</c> says otherwise. Development adds the
    /// <c>/dev/…</c> endpoints and the interactive API pages, which a stack a newcomer starts must not offer.
    /// </summary>
    public static string ServiceEnvironment(this IDistributedApplicationBuilder builder) =>
        builder.Configuration[EnvironmentVariable] is { Length: > 0 } environment ? environment : "Production";

    /// <summary>Printed first, with where the servers run: what a newcomer's stack offers should never be a surprise.</summary>
    public static void AnnounceServiceEnvironment(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            Console.WriteLine($"Services: {builder.ServiceEnvironment()} ({EnvironmentVariable}=Development adds the /dev endpoints and the API pages)");
        }
    }

    /// <summary>
    /// A service or the gateway: one http endpoint (a free port unless one is given), ready when its own <c>/health</c>
    /// says so. Run here, it is in <see cref="ServiceEnvironment"/>; a published description leaves the environment to
    /// the deployment.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name, int? port = null)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: port)
            .WithHttpHealthCheck("/health");
        if (!builder.ExecutionContext.IsRunMode)
        {
            return service; // a deployment decides how many instances it runs
        }

        service.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.ServiceEnvironment())
            .WithEnvironment(context => context.EnvironmentVariables.Remove(MetricExportIntervalVariable));
        var replicas = builder.ServiceReplicas();
        return replicas > 1 ? service.WithReplicas(replicas) : service;
    }

    /// <summary>
    /// Aspire sets this to one second for every project of an AppHost run in Development, for a dashboard that redraws
    /// its charts at once. Ten processes exporting every instrument every second kept the 13.6 dashboard, which stores
    /// each point in SQLite, busy with no load at all (up to a tenth of a core, docs/performance.md); removed, the
    /// services export at ServiceDefaults' own interval.
    /// </summary>
    private const string MetricExportIntervalVariable = "OTEL_METRIC_EXPORT_INTERVAL";

    /// <summary>The setting for <see cref="ServiceReplicas"/>, e.g. <c>eng/run.sh --AppHost:Replicas=2</c>.</summary>
    public const string ReplicasSetting = "AppHost:Replicas";

    /// <summary>
    /// How many instances of each service and of the gateway a run starts: one unless <see cref="ReplicasSetting"/> says
    /// more. Two is how the benchmark shows that a second instance neither slows the chain nor does anything twice
    /// (outboxes, held messages and deadline runs share their tables under row locks and unique keys); the address a
    /// service is called at stays one, in front of its instances.
    /// </summary>
    public static int ServiceReplicas(this IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration[ReplicasSetting];
        if (string.IsNullOrEmpty(configured))
        {
            return 1;
        }

        return int.TryParse(configured, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var replicas)
            && replicas is >= 1 and <= MaxReplicas
            ? replicas
            : throw new DistributedApplicationException(
                $"{ReplicasSetting} is '{configured}': it takes a whole number of instances from 1 to {MaxReplicas}.");
    }

    /// <summary>More would only crowd one machine; a deployment scales on its own platform.</summary>
    private const int MaxReplicas = 8;
}
