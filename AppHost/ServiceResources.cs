namespace PetitionPlatform.AppHost;

internal static class ServiceResources
{
    /// <summary>
    /// A service or the gateway: one http endpoint (a free port unless one is given), ready when its own <c>/health</c>
    /// says so. Run here, it is in the environment <c>AppHost:ServiceEnvironment</c> names (Development by default: dev
    /// keys and <c>/dev/…</c> endpoints); a published description leaves the environment to the deployment.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name, int? port = null)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: port)
            .WithHttpHealthCheck("/health");
        return builder.ExecutionContext.IsRunMode
            ? service.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Configuration["AppHost:ServiceEnvironment"] ?? "Development")
            : service;
    }
}
