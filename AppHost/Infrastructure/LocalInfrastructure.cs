using PetitionPlatform.AppHost.Infrastructure.Local;

namespace PetitionPlatform.AppHost.Infrastructure;

/// <summary>PostgreSQL and RabbitMQ of the Debian packages as local processes, their data under <c>AppHost:DataDirectory</c>/local.</summary>
internal sealed class LocalInfrastructure : IPlatformInfrastructure
{
    private readonly IDistributedApplicationBuilder _builder;
    private readonly InfrastructureSettings _settings;

    public LocalInfrastructure(IDistributedApplicationBuilder builder, InfrastructureSettings settings)
    {
        // Before anything starts, so that a missing package is the one sentence the AppHost prints.
        LocalScripts.RequirePostgres();
        LocalScripts.RequireRabbitMq();
        (_builder, _settings) = (builder, settings);
    }

    public IPostgresServer AddPostgres(string name) =>
        new Server(_builder.AddLocalPostgres(name, DataOf(name), _settings.Password(name))
            // Five services with a connection pool each.
            .WithArgs("-c", "max_connections=300"));

    public IResourceBuilder<IResourceWithConnectionString> AddRabbitMQ(string name) =>
        _builder.AddLocalRabbitMQ(name, DataOf(name), _settings.Password(name));

    private string DataOf(string name) => Path.Combine(_settings.DataDirectory, "local", name);

    private sealed class Server(IResourceBuilder<LocalPostgresResource> server) : IPostgresServer
    {
        public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => server.AddDatabase(name);
    }
}
