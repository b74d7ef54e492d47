using Microsoft.Extensions.Configuration;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>Which images <see cref="ContainerProvider"/> runs, and whether data outlives the containers.</summary>
public sealed record ContainerProviderOptions
{
    /// <summary>Configuration keys (environment variables of the same name) that choose the images.</summary>
    public const string PostgresImageKey = "PETITION_POSTGRES_IMAGE";

    public const string RabbitMqImageKey = "PETITION_RABBITMQ_IMAGE";

    /// <summary>What a Docker host with registry access pulls; air-gapped machines build eng/images/ and point the keys above at those tags.</summary>
    public const string DefaultPostgresImage = "postgres:15";

    public const string DefaultRabbitMqImage = "rabbitmq:3-management";

    public string PostgresImage { get; init; } = DefaultPostgresImage;

    public string RabbitMqImage { get; init; } = DefaultRabbitMqImage;

    /// <summary>
    /// True keeps each server's data in a named Docker volume tied to the requested data directory, so the next run with
    /// the same directory finds it (the AppHost); false leaves data inside the container, gone when it is removed (tests).
    /// </summary>
    public bool KeepData { get; init; }

    /// <summary>How long a container may take to become ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The images from <paramref name="configuration"/> (e.g. the environment), the defaults where it names none.</summary>
    public static ContainerProviderOptions From(IConfiguration configuration, bool keepData)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ContainerProviderOptions
        {
            PostgresImage = NonEmpty(configuration[PostgresImageKey]) ?? DefaultPostgresImage,
            RabbitMqImage = NonEmpty(configuration[RabbitMqImageKey]) ?? DefaultRabbitMqImage,
            KeepData = keepData,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
