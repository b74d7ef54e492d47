namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>
/// Where PostgreSQL and RabbitMQ come from: local processes of the OS packages, or (where a Docker engine answers)
/// containers. The AppHost and the test fixtures use the same seam, so tests run against what developers run.
/// </summary>
public interface IInfrastructureProvider
{
    string Name { get; }

    Task<IPostgresServer> StartPostgresAsync(PostgresServerOptions options, CancellationToken cancellationToken);

    Task<IRabbitMqServer> StartRabbitMqAsync(RabbitMqServerOptions options, CancellationToken cancellationToken);
}
