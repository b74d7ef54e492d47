using System.Reflection;
using PetitionPlatform.Hosting.Testing;

namespace PetitionPlatform.EndToEndTests;

/// <summary>
/// Runs AppHost/Program.cs — the same app model as <c>dotnet run --project AppHost</c> — with its data in a fresh
/// temporary directory and the gateway on a free port, once for all tests of the collection.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("petition-e2e-").FullName;
    private RunningApplication? _application;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The AppHost's dashboard: its JSON API under <c>/api/…</c> and its pages.</summary>
    public HttpClient Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        _application = await DistributedApplicationFactory.StartAsync(
            Assembly.Load("PetitionPlatform.AppHost"),
            [$"--AppHost:DataDirectory={_dataDirectory}", "--Gateway:Port=0", "--Dashboard:Port=0"],
            timeout.Token);
        Gateway = new HttpClient { BaseAddress = _application.GetEndpoint("gateway"), Timeout = TimeSpan.FromSeconds(30) };
        Dashboard = new HttpClient { BaseAddress = _application.DashboardUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Dashboard?.Dispose();
        if (_application is not null)
        {
            await _application.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }
}

[CollectionDefinition("platform")]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>;
