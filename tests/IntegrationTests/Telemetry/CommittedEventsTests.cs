using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.TestSupport;

using PetitionPlatform.IntegrationTests.Identity;

namespace PetitionPlatform.IntegrationTests.Telemetry;

/// <summary>Business counters count what committed: an event saved in a transaction that rolls back is never counted.</summary>
[Collection("infrastructure")]
public sealed class CommittedEventsTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceFactory<RoutingDbContext> _directory = null!;
    private ServiceFactory<IntakeDbContext> _intake = null!;

    public async Task InitializeAsync()
    {
        // Intake needs a client: registrations come from a portal's, reads from a bureau's.
        await SharedTokens.StartAsync(infrastructure);
        _directory = await DirectoryWiring.StartDirectoryAsync(infrastructure);
        _intake = new ServiceFactory<IntakeDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:intakedb"] = await infrastructure.CreateDatabaseAsync("intakedb"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("committed"),
        }, DirectoryWiring.Through(_directory));
        await ServiceSet.Ready(_intake.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _intake.DisposeAsync();
        await _directory.DisposeAsync();
    }

    [Fact]
    public async Task An_event_is_counted_when_its_transaction_commits_and_never_when_it_rolls_back()
    {
        var meters = _intake.Services.GetRequiredService<IMeterFactory>();
        var registered = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "petition.registered")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref registered, value));
        listener.Start();

        await InTransactionAsync(commit: false);
        Assert.Equal(0, Interlocked.Read(ref registered));

        await InTransactionAsync(commit: true);
        Assert.Equal(1, Interlocked.Read(ref registered));
    }

    private async Task InTransactionAsync(bool commit)
    {
        await using var scope = _intake.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AddToOutbox(new PetitionRegistered(Guid.NewGuid(), "130724-20261123-00001", "online", "complaint", "wage-arrears",
            "130724102", "130000/petition-bureau", 1, DateTimeOffset.UtcNow, "hash"), TimeProvider.System);
        await db.SaveChangesAsync();
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
    }
}
