using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>Adds a PostgreSQL server; its data is kept in <c>&lt;data directory&gt;/&lt;name&gt;</c> between runs.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new PostgresServerResource(name) { Port = port });
    }

    /// <summary>Adds a database (created if missing) on the server; <paramref name="databaseName"/> defaults to the resource name.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(database);
        return builder.ApplicationBuilder.AddResource(database);
    }
}
