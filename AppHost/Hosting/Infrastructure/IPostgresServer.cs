namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>A running PostgreSQL server. Disposing it stops it; its data stays in <see cref="DataDirectory"/>.</summary>
public interface IPostgresServer : IAsyncDisposable
{
    string Host { get; }

    int Port { get; }

    string Username { get; }

    string Password { get; }

    /// <summary>Where the data actually lives (it can differ from the requested directory, see the provider).</summary>
    string DataDirectory { get; }

    /// <summary>The operating-system processes the server runs as, main process first; empty once stopped.</summary>
    IReadOnlyList<int> ProcessIds { get; }

    /// <summary>An Npgsql connection string: <c>Host=…;Port=…;Username=…;Password=…;Database=…</c>.</summary>
    string ConnectionStringFor(string database);

    /// <summary>Creates the database unless it exists.</summary>
    Task CreateDatabaseAsync(string database, CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);
}
