namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>
/// Where the servers keep their data and which images they run (<c>PETITION_POSTGRES_IMAGE</c>,
/// <c>PETITION_RABBITMQ_IMAGE</c>). The local servers' data and the passwords live in the AppHost's data directory
/// (<see cref="AppHostData"/>); <c>AppHost:KeepData</c> (default true) keeps containers' data in named volumes between
/// runs; the end-to-end tests turn it off.
/// </summary>
internal sealed record InfrastructureSettings(IDistributedApplicationBuilder Builder, string DataDirectory, bool KeepData, string PostgresImage, string RabbitMqImage)
{
    /// <summary>A server's password, kept with its data (see <see cref="AppHostData.Secret"/>).</summary>
    public string Password(string server) => AppHostData.Secret(Builder, $"{server}-password");

    public static InfrastructureSettings Read(IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        return new InfrastructureSettings(
            builder,
            AppHostData.Directory(builder),
            configuration.GetValue("AppHost:KeepData", true),
            configuration["PETITION_POSTGRES_IMAGE"] is { Length: > 0 } postgres ? postgres : PlatformInfrastructure.DefaultPostgresImage,
            configuration["PETITION_RABBITMQ_IMAGE"] is { Length: > 0 } rabbitMq ? rabbitMq : PlatformInfrastructure.DefaultRabbitMqImage);
    }

    /// <summary>Names a kept volume after the data directory, so that deleting that directory is still how one starts afresh.</summary>
    public string VolumeName(string resource) =>
        $"petitionplatform-{resource}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DataDirectory)))[..12]}";
}
