namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>
/// Where the servers keep their data and which images they run (<c>PETITION_POSTGRES_IMAGE</c>,
/// <c>PETITION_RABBITMQ_IMAGE</c>). The local servers' data and the passwords live in the AppHost's data directory
/// (<see cref="AppHostData"/>); containers keep theirs in volumes named after that directory (<see cref="ContainerVolumes"/>).
/// </summary>
internal sealed record InfrastructureSettings(IDistributedApplicationBuilder Builder, string DataDirectory, string PostgresImage, string RabbitMqImage)
{
    /// <summary>A server's password, kept with its data (see <see cref="AppHostData.Secret"/>).</summary>
    public string Password(string server) => AppHostData.Secret(Builder, $"{server}-password");

    public static InfrastructureSettings Read(IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        return new InfrastructureSettings(
            builder,
            AppHostData.Directory(builder),
            configuration["PETITION_POSTGRES_IMAGE"] is { Length: > 0 } postgres ? postgres : PlatformInfrastructure.DefaultPostgresImage,
            configuration["PETITION_RABBITMQ_IMAGE"] is { Length: > 0 } rabbitMq ? rabbitMq : PlatformInfrastructure.DefaultRabbitMqImage);
    }

    /// <summary>The volume that keeps a container server's data (see <see cref="ContainerVolumes"/>).</summary>
    public string VolumeName(string resource) => ContainerVolumes.NameOf(DataDirectory, resource);
}
