namespace PetitionPlatform.Hosting.Infrastructure;

/// <summary>How to start one PostgreSQL server; its data lives in <paramref name="DataDirectory"/> across runs.</summary>
public sealed record PostgresServerOptions(string Name, string DataDirectory)
{
    /// <summary>A fixed port, or null for a free one.</summary>
    public int? Port { get; init; }

    /// <summary>The superuser's password, or null to generate one on first start and keep it in the data directory.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// False trades crash safety for speed (no fsync, no synchronous commit, no full-page writes): right for test
    /// servers whose data is thrown away, wrong for anything a developer wants to keep.
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>
    /// The server's connection limit. Every service keeps a pool per database; a test run hosts many services at
    /// once against one server, so it asks for more than a developer's stack needs.
    /// </summary>
    public int MaxConnections { get; init; } = 300;

    /// <summary>Receives every line the server writes, e.g. to show it as the resource's log.</summary>
    public Action<OutputLine>? Output { get; init; }
}
