using PetitionPlatform.Hosting;
using PetitionPlatform.Hosting.Infrastructure;

namespace PetitionPlatform.InfrastructureTests.Support;

/// <summary>Fixed connection details standing in for running servers, for wiring tests that start nothing.</summary>
internal sealed class StubPostgresServer : IPostgresServer
{
    public string Host => "127.0.0.1";

    public int Port => 15432;

    public string Username => "postgres";

    public string Password => "secret";

    public string DataDirectory => "/nowhere";

    public IReadOnlyList<int> ProcessIds => [];

    public string ConnectionStringFor(string database) => $"Host=127.0.0.1;Port=15432;Username=postgres;Password=secret;Database={database}";

    public Task CreateDatabaseAsync(string database, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class StubRabbitMqServer : IRabbitMqServer
{
    public string Host => "127.0.0.1";

    public int AmqpPort => 15672;

    public int ManagementPort => 15673;

    public string Username => "admin";

    public string Password => "secret";

    public Uri ManagementUri => new("http://127.0.0.1:15673/");

    public string DataDirectory => "/nowhere";

    public IReadOnlyList<int> ProcessIds => [];

    public string ConnectionStringFor(string virtualHost = "/") => $"amqp://admin:secret@127.0.0.1:15672/{(virtualHost == "/" ? string.Empty : virtualHost)}";

    public Task CreateVirtualHostAsync(string name, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A service project that is never started.</summary>
internal sealed class UnbuiltProject : IProjectMetadata
{
    public string ProjectPath => "/nowhere/Service.csproj";

    public string TargetPath => "/nowhere/bin/Service.dll";
}
