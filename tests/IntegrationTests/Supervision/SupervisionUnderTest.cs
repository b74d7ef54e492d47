using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.TestSupport;

using PetitionPlatform.IntegrationTests.Identity;

namespace PetitionPlatform.IntegrationTests.Supervision;

/// <summary>
/// Supervision in the test process on a fresh database and virtual host, finding units' superiors in a real routing
/// directory, on a clock that starts at <see cref="PetitionJourney.Today"/>. Its periodic evaluation waits a day: the
/// tests choose the instants they evaluate at.
/// </summary>
internal sealed class SupervisionUnderTest : IAsyncDisposable
{
    private readonly ServiceFactory<RoutingDbContext>? _directory;

    private SupervisionUnderTest(ServiceFactory<RoutingDbContext>? directory, ServiceFactory<SupervisionDbContext> service)
    {
        _directory = directory;
        Service = service;
        // The province's petition bureau oversees every Hebei petition of the tests (reports aside).
        Client = service.As("130000/petition-bureau");
        Bus = service.Services.GetRequiredService<IBus>();
    }

    public ServiceFactory<SupervisionDbContext> Service { get; }

    public HttpClient Client { get; }

    /// <summary>The broker as the other services publish to it.</summary>
    public IBus Bus { get; }

    /// <param name="unreachableDirectory">Routing is down: every directory call is refused (<see cref="DirectoryWiring.Unreachable"/>).</param>
    public static async Task<SupervisionUnderTest> StartAsync(SharedInfrastructure infrastructure, string name, bool unreachableDirectory = false)
    {
        await SharedTokens.StartAsync(infrastructure);
        var directory = unreachableDirectory ? null : await DirectoryWiring.StartDirectoryAsync(infrastructure);
        var service = new ServiceFactory<SupervisionDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:supervisiondb"] = await infrastructure.CreateDatabaseAsync(name),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync(name),
            ["Supervision:EvaluationInterval"] = "1.00:00:00",
        }, services =>
        {
            (directory is null ? DirectoryWiring.Unreachable : DirectoryWiring.Through(directory))(services);
            services.AddSingleton(PetitionJourney.Clock());
        });
        var started = new SupervisionUnderTest(directory, service);
        await ServiceSet.Ready(started.Client);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        if (_directory is not null)
        {
            await _directory.DisposeAsync();
        }
    }
}
