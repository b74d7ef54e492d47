using Docker.DotNet.Models;
using Npgsql;
using PetitionPlatform.Hosting;
using PetitionPlatform.Hosting.Containers;
using PetitionPlatform.Hosting.Infrastructure;
using PetitionPlatform.InfrastructureTests.Support;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.InfrastructureTests.Containers;

/// <summary>The container provider's PostgreSQL against the same contract the local one keeps.</summary>
public sealed class ContainerPostgresTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    [DockerFact]
    public async Task A_container_server_takes_the_requested_port_and_settings_creates_databases_and_is_removed_on_dispose()
    {
        var port = FreePort.Next();
        var server = await Docker.Provider().StartPostgresAsync(
            new PostgresServerOptions("postgres", _directory.Combine("postgres")) { Port = port, Durable = false, MaxConnections = 123 },
            CancellationToken.None);
        var containerId = ((ContainerPostgresServer)server).ContainerId;
        try
        {
            Assert.Equal(("127.0.0.1", port, "postgres"), (server.Host, server.Port, server.Username));
            var postmaster = Assert.Single(server.ProcessIds);
            Assert.True(Directory.Exists($"/proc/{postmaster}"), "Docker reports the postmaster as a host process.");

            await server.CreateDatabaseAsync("intakedb", CancellationToken.None);
            await Execute(server, "intakedb", "CREATE TABLE kept (id int)");
            await server.CreateDatabaseAsync("intakedb", CancellationToken.None);
            Assert.Equal(1L, await Scalar(server, "intakedb", "SELECT count(*) FROM information_schema.tables WHERE table_name = 'kept'"));
            Assert.Equal("123", await Scalar(server, "postgres", "SHOW max_connections"));
            Assert.Equal("off", await Scalar(server, "postgres", "SHOW fsync"));
            Assert.Equal("UTF8", await Scalar(server, "intakedb", "SHOW server_encoding"));

            var labels = await Docker.LabelsAsync(containerId);
            Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), labels![ContainerLabels.Owner]);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.Empty(server.ProcessIds);
        Assert.Null(await Docker.LabelsAsync(containerId));
        Assert.False(await TcpPorts.AcceptsConnectionsAsync(port, CancellationToken.None));
    }

    [DockerFact]
    public async Task A_durable_server_keeps_crash_safety_on()
    {
        await using var server = await Docker.Provider().StartPostgresAsync(
            new PostgresServerOptions("postgres", _directory.Combine("durable")), CancellationToken.None);

        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes" })
        {
            Assert.Equal("on", await Scalar(server, "postgres", $"SHOW {setting}"));
        }
    }

    [DockerFact]
    public async Task Kept_data_is_found_again_by_the_next_container_for_the_same_directory_and_swept_once_the_directory_is_gone()
    {
        var data = _directory.Combine("kept");
        var provider = Docker.Provider(keepData: true);
        await using (var first = await provider.StartPostgresAsync(new PostgresServerOptions("postgres", data), CancellationToken.None))
        {
            await first.CreateDatabaseAsync("routingdb", CancellationToken.None);
            await Execute(first, "routingdb", "CREATE TABLE units (name text); INSERT INTO units VALUES ('固原市信访局')");
        }

        await using (var second = await Docker.Provider(keepData: true).StartPostgresAsync(new PostgresServerOptions("postgres", data), CancellationToken.None))
        {
            Assert.Equal("固原市信访局", await Scalar(second, "routingdb", "SELECT name FROM units"));
        }

        var volume = ContainerLabels.VolumeName("postgres", data);
        Assert.True(await Docker.VolumeExistsAsync(volume));
        TestDirectories.Delete(data);
        await Docker.Provider().SweepLeftoversAsync(CancellationToken.None);
        Assert.False(await Docker.VolumeExistsAsync(volume), "A kept-data volume whose directory is gone is removed.");
    }

    [DockerFact]
    public async Task An_image_that_cannot_be_had_is_one_sentence_naming_the_setting_and_leaves_no_container()
    {
        var provider = new ContainerProvider(new ContainerProviderOptions { PostgresImage = $"petitionplatform/missing-{Guid.NewGuid():N}:1" });

        var failure = await Assert.ThrowsAsync<HostingException>(() =>
            provider.StartPostgresAsync(new PostgresServerOptions("postgres", _directory.Combine("missing")), CancellationToken.None));

        Assert.Equal(
            $"The image {provider.Options.PostgresImage} for 'postgres' is neither on this machine nor obtainable; build it with eng/images/build.sh and set PETITION_POSTGRES_IMAGE, see docs/containers.md.",
            failure.Message);
        using var client = Docker.Client();
        var mine = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Owner}={Environment.ProcessId}"] = true } },
        });
        Assert.DoesNotContain(mine, container => container.Image.Contains("missing-", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();

    private static async Task Execute(IPostgresServer server, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(IPostgresServer server, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
