using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace PetitionPlatform.AppHost.Infrastructure.Local;

/// <summary>The Debian package's PostgreSQL server as a local process; its superuser is <c>postgres</c>.</summary>
public sealed class LocalPostgresResource(string name, string workingDirectory, string password)
    : ExecutableResource(name, "/bin/sh", workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => field ??= new(this, EndpointName);

    internal List<LocalPostgresDatabaseResource> Databases { get; } = [];

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password={password}");
}

/// <summary>A database on a local server, created once the server is ready (an executable's children get no state from Aspire).</summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent => parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{parent};Database={Name}");
}

public static class LocalPostgresExtensions
{
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, string password)
    {
        LocalScripts.RequirePostgres();
        var server = new LocalPostgresResource(name, LocalScripts.WorkingDirectory(dataDirectory), password);
        var connectionString = builder.ConnectionStringOf(server);
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (@event, ct) => CreateDatabasesAsync(server, connectionString(), @event.Services, ct));
        builder.Eventing.Subscribe<ResourceStoppedEvent>(server, async (@event, _) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in server.Databases)
            {
                await notifications.PublishUpdateAsync(database, state => state with { State = KnownResourceStates.Exited, StopTimeStamp = DateTime.UtcNow });
            }
        });

        // The server's own check connects to the maintenance database; the connection string names none.
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => connectionString() + ";Database=postgres", name: healthCheck);
        return builder.AddResource(server)
            .WithArgs(LocalScripts.RunAs(builder, "postgres", dataDirectory,
                "/bin/sh", LocalScripts.Script(builder, "postgres.sh"), dataDirectory))
            // Every statement of every service passes this port: not through DCP's proxy (see LocalPorts).
            .WithEndpoint(name: LocalPostgresResource.EndpointName, scheme: "tcp", env: "PGPORT", port: LocalPorts.Free(), isProxied: false)
            .WithEnvironment("POSTGRES_PASSWORD", password)
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheck);
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> server, string name)
    {
        var database = new LocalPostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);
        var builder = server.ApplicationBuilder;
        var connectionString = builder.ConnectionStringOf(database);
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => connectionString(), name: healthCheck);
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithIconName("Database")
            .WithHealthCheck(healthCheck);
    }

    private static async Task CreateDatabasesAsync(LocalPostgresResource server, string connectionString, IServiceProvider services, CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(connectionString + ";Database=postgres"))
        {
            await connection.OpenAsync(ct);
            foreach (var database in server.Databases)
            {
                await PostgresDatabases.EnsureCreatedAsync(connection, database.Name, ct);
            }
        }

        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var database in server.Databases)
        {
            await notifications.PublishUpdateAsync(database, state => state with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow, StopTimeStamp = null });
        }
    }
}
