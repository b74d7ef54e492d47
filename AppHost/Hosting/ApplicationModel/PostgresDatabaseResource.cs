namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>A database on a PostgreSQL server, created when the server is up; a service references it for its connection string.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent
{
    public override string Kind => "PostgreSQL database";

    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Parent { get; } = parent;

    IResource IResourceWithParent.Parent => Parent;

    public string GetConnectionString() => Parent.Server?.ConnectionStringFor(DatabaseName) ?? throw NotRunning();
}
