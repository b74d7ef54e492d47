using DotNet.Testcontainers.Containers;
using Npgsql;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.Hosting.Local;
using Testcontainers.PostgreSql;

namespace PetitionPlatform.Hosting.Containers;

/// <summary>
/// A PostgreSQL server in a container. <see cref="DataDirectory"/> is the host directory holding its credentials; the
/// cluster lives in the container (or its kept-data volume). Stop keeps the container; dispose removes it.
/// </summary>
internal sealed class ContainerPostgresServer(
    PostgreSqlContainer container,
    string name,
    string directory,
    StoredCredentials credentials,
    ContainerProvider provider) : IPostgresServer
{
    private const int ContainerPort = 5432;
    private int? _processId;

    public string Host { get; private set; } = "127.0.0.1";

    public int Port { get; private set; }

    public string Username => credentials.Username;

    public string Password => credentials.Password;

    public string DataDirectory => directory;

    /// <summary>The postmaster as the host sees it (Docker runs it as a host process in its own namespaces).</summary>
    public IReadOnlyList<int> ProcessIds => _processId is { } id ? [id] : [];

    public string ContainerId => container.Id;

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = Username,
        Password = Password,
        Database = database,
    }.ConnectionString;

    public Task CreateDatabaseAsync(string database, CancellationToken cancellationToken) =>
        PostgresAdministration.CreateDatabaseAsync(ConnectionStringFor("postgres"), database, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (container.State == TestcontainersStates.Running)
        {
            // The image's stop signal is SIGINT, PostgreSQL's fast shutdown: sessions end, data is flushed.
            await container.StopAsync(cancellationToken);
        }

        _processId = null;
    }

    public async ValueTask DisposeAsync()
    {
        _processId = null;
        await ContainerRemoval.RemoveAsync(container, name, provider.Logger);
    }

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        await ContainerStart.RunAsync(container, name, ContainerProviderOptions.PostgresImageKey, provider.StartTimeout, ready: null, cancellationToken);
        Host = ContainerStart.LoopbackFor(container.Hostname);
        Port = container.GetMappedPublicPort(ContainerPort);
        // The module's readiness check runs inside the container; this proves the port mapping and the password too.
        await using (await PostgresAdministration.OpenAsync(ConnectionStringFor("postgres"), cancellationToken))
        {
        }

        _processId = await provider.MainProcessIdAsync(container.Id, cancellationToken);
    }
}
