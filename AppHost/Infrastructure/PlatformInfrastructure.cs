namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>Adds PostgreSQL and RabbitMQ to the app model, wherever they run.</summary>
public interface IPlatformInfrastructure
{
    IPostgresServer AddPostgres(string name);

    IResourceBuilder<IResourceWithConnectionString> AddRabbitMQ(string name);
}

/// <summary>A PostgreSQL server whose databases services reference and wait for.</summary>
public interface IPostgresServer
{
    IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name);
}

public static class PlatformInfrastructure
{
    /// <summary>The one switch; also read from <c>--PETITION_INFRASTRUCTURE=…</c>.</summary>
    public const string ModeVariable = "PETITION_INFRASTRUCTURE";

    // Built from Debian packages by eng/images/build.sh: no registry is reachable here, nor on an air-gapped network.
    public const string DefaultPostgresImage = "petitionplatform/postgres:15";
    public const string DefaultRabbitMqImage = "petitionplatform/rabbitmq:3-management";

    /// <summary>
    /// Containers where a Docker engine answers and holds both images; local processes of the Debian packages otherwise.
    /// <c>PETITION_INFRASTRUCTURE=containers|local</c> forces one. Publishing always describes containers: a local
    /// process's absolute paths and random ports mean nothing on another machine.
    /// </summary>
    public static IPlatformInfrastructure Choose(IDistributedApplicationBuilder builder)
    {
        var settings = InfrastructureSettings.Read(builder);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return new ContainerInfrastructure(builder, settings);
        }

        var (containers, reason) = Decide(builder.Configuration[ModeVariable], settings.PostgresImage, settings.RabbitMqImage);
        // Printed before Aspire's own start-up lines, so the console says where the servers run before anything starts.
        Console.WriteLine(containers
            ? $"Infrastructure: containers ({reason})"
            : $"Infrastructure: local processes ({reason}; data in {settings.DataDirectory})");
        return containers ? new ContainerInfrastructure(builder, settings) : new LocalInfrastructure(builder, settings);
    }

    /// <summary>The rule, shared with the tests' fixture: whether the servers run in containers, and why, in words.</summary>
    public static (bool Containers, string Reason) Decide(string? mode, string postgresImage, string rabbitMqImage)
    {
        switch (mode?.Trim().ToLowerInvariant())
        {
            case "local":
                return (false, $"{ModeVariable}=local");
            case "containers":
                return DockerEngine.Missing(postgresImage, rabbitMqImage) is { } missing
                    ? throw new DistributedApplicationException(
                        $"{ModeVariable}=containers, but {missing}. Start dockerd and build the images (eng/docker-engine.sh, eng/images/build.sh), or use {ModeVariable}=local.")
                    : (true, $"{ModeVariable}=containers; images {postgresImage} and {rabbitMqImage}");
            case null or "":
                return DockerEngine.Missing(postgresImage, rabbitMqImage) is { } absent
                    ? (false, absent)
                    : (true, $"a Docker engine answers with {postgresImage} and {rabbitMqImage}");
            default:
                throw new DistributedApplicationException($"{ModeVariable} must be 'containers' or 'local', not '{mode}'.");
        }
    }
}
