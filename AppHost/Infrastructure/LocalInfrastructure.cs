using PetitionPlatform.AppHost.Infrastructure.Local;

namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>PostgreSQL and RabbitMQ of the Debian packages as local processes, their data under <c>AppHost:DataDirectory</c>/local.</summary>
internal sealed class LocalInfrastructure(IDistributedApplicationBuilder builder, InfrastructureSettings settings) : IPlatformInfrastructure
{
    public IPostgresServer AddPostgres(string name) =>
        new Server(builder.AddLocalPostgres(name, DataOf(name), settings.Password(name))
            // Five services with a connection pool each.
            .WithArgs("-c", "max_connections=300"));

    public IResourceBuilder<IResourceWithConnectionString> AddRabbitMQ(string name) =>
        builder.AddLocalRabbitMQ(name, DataOf(name), settings.Password(name));

    private string DataOf(string name) => Path.Combine(settings.DataDirectory, "local", name);

    private sealed class Server(IResourceBuilder<LocalPostgresResource> server) : IPostgresServer
    {
        public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => server.AddDatabase(name);
    }
}
