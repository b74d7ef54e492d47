namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>Aspire's own PostgreSQL and RabbitMQ container resources, on the images built from Debian packages.</summary>
internal sealed class ContainerInfrastructure(IDistributedApplicationBuilder builder, InfrastructureSettings settings) : IPlatformInfrastructure
{
    private bool Running => builder.ExecutionContext.IsRunMode;

    public IPostgresServer AddPostgres(string name)
    {
        var server = builder.AddPostgres(name, password: Password(name)).WithImageOf(settings.PostgresImage, Running)
            // Five services with a connection pool each.
            .WithArgs("-c", "max_connections=300");
        KeepData(name, volume => server.WithDataVolume(volume));
        return new Server(server);
    }

    public IResourceBuilder<IResourceWithConnectionString> AddRabbitMQ(string name)
    {
        // The management plugin first: it rewrites the image's tag, which the line after it then replaces.
        var server = builder.AddRabbitMQ(name, password: Password(name)).WithManagementPlugin().WithImageOf(settings.RabbitMqImage, Running)
            .WithHonestExitCode();
        KeepData(name, volume => server.WithDataVolume(volume));
        return server;
    }

    /// <summary>
    /// A run keeps the data in a volume named after the data directory; a published description always declares the
    /// volume, since a deployment's databases must outlive their containers. The tests' runs too: a restart replaces
    /// the container, and without a volume of its own the new one started empty (PostgreSQL without the services'
    /// tables, RabbitMQ without the queued messages). Their volumes go with their data directories (the fixture).
    /// </summary>
    private void KeepData(string server, Action<string> withVolume) =>
        // Published: named for the platform, not after the machine that wrote the description.
        withVolume(Running ? settings.VolumeName(server) : $"petitionplatform-{server}-data");

    // Kept data keeps its password, so a run uses the one kept beside the data; a published description leaves it to the deployment.
    private IResourceBuilder<ParameterResource>? Password(string server) =>
        Running ? builder.AddParameter($"{server}-password", settings.Password(server), secret: true) : null;

    private sealed class Server(IResourceBuilder<PostgresServerResource> server) : IPostgresServer
    {
        public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => server.AddDatabase(name);
    }
}

internal static class ContainerImages
{
    /// <summary>
    /// Runs <paramref name="image"/> (<c>name:tag</c>). A run never pulls: no registry is reachable here, and a missing
    /// image should fail with Docker's plain "No such image" rather than a registry's DNS error.
    /// </summary>
    public static IResourceBuilder<T> WithImageOf<T>(this IResourceBuilder<T> builder, string image, bool running) where T : ContainerResource
    {
        var colon = image.LastIndexOf(':');
        var (name, tag) = colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
        builder.WithImage(name, tag);
        return running ? builder.WithImagePullPolicy(ImagePullPolicy.Never) : builder;
    }
}
