using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server; its databases are child resources.</summary>
public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    private readonly List<PostgresDatabaseResource> _databases = [];

    public override string Kind => "PostgreSQL";

    /// <summary>A fixed port, or null for a free one.</summary>
    public int? Port { get; internal set; }

    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    /// <summary>The running server, once started.</summary>
    public IPostgresServer? Server { get; internal set; }

    public override int? ProcessId => Server?.ProcessIds is [var main, ..] ? main : null;

    /// <summary>The server's maintenance database <c>postgres</c>.</summary>
    public string GetConnectionString() => Server?.ConnectionStringFor("postgres") ?? throw NotRunning();

    internal void AddDatabase(PostgresDatabaseResource database) => _databases.Add(database);
}
