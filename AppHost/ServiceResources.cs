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
        return builder.ExecutionContext.IsRunMode ? service.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.ServiceEnvironment()) : service;
    }
}
