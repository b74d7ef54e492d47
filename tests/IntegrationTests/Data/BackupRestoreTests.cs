using PetitionPlatform.AppHost.Infrastructure.Local;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.TestSupport;
using Xunit.Abstractions;

namespace PetitionPlatform.IntegrationTests.Data;

/// <summary>
/// eng/backup.sh and eng/restore.sh against the run's real server (a local process or a container): a backup taken
/// while petitions keep arriving restores a state in which no event is lost between services, and one taken once the
/// flow has settled restores exactly the live petitions, cases and clocks.
/// </summary>
[Collection("infrastructure")]
public sealed class BackupRestoreTests(SharedInfrastructure infrastructure, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _scratch = TestDirectories.Create("backups");
    private ServiceSet _services = null!;

    public async Task InitializeAsync() => _services = await ServiceSet.StartAsync(infrastructure);

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        TestDirectories.Delete(_scratch);
    }

    [Fact]
    public async Task A_backup_taken_mid_run_restores_every_petition_with_its_journey_or_its_event_still_to_send()
    {
        var (server, password) = infrastructure.PostgresBackupSource;
        using var stop = new CancellationTokenSource();
        var registering = RegisterUntilAsync(stop.Token);
        await Eventually.HoldsAsync(() => Task.FromResult(_registered), count => count >= 5, because: "petitions are flowing before the backup starts");

        var midRun = await BackupScripts.BackupAsync(server, password, _scratch);
        var registeredDuringBackup = _registered;
        await Eventually.HoldsAsync(() => Task.FromResult(_registered), count => count >= registeredDuringBackup + 3, because: "petitions keep arriving after the backup");
        await stop.CancelAsync();
        await registering;

        await using (var restored = await RestoreAsync(midRun, password))
        {
            output.WriteLine(restored.RestoreOutput);
            var intake = restored.SameDatabaseAs(_services.Databases["intakedb"]);
            var petitions = await IdsAsync(intake, "SELECT id FROM petitions");
            Assert.InRange(petitions.Count, 1, _registered - 1);
            // Every petition in the copy is named by an event of intake's in the copy.
            Assert.Subset(await IdsAsync(intake, "SELECT (body->>'petitionId')::uuid FROM outbox_messages WHERE body ? 'petitionId'"), petitions);
            var deliveries = await IntakeDeliveries.ReadAsync(name => restored.SameDatabaseAs(_services.Databases[name]));
            Assert.NotEmpty(deliveries.Consumers);
            foreach (var (consumer, (types, seen)) in deliveries.Consumers)
            {
                // No consumer is ahead of intake (every database is of the same moment), and none misses an event intake
                // counts as delivered: what it lacks is still to be published from the copy's outbox.
                Assert.Subset(deliveries.All, seen.ToHashSet());
                Assert.Subset(seen.ToHashSet(), deliveries.Sent(types));
                output.WriteLine($"{consumer}: {seen.Count} of intake's {deliveries.Events.Count} events processed, the rest to come from the outbox");
            }

            foreach (var (database, sql) in new[]
                     {
                         ("routingdb", "SELECT petition_id FROM routing_requests"),
                         ("handlingdb", "SELECT petition_id FROM petitions"),
                         ("supervisiondb", "SELECT petition_id FROM ledger_petitions"),
                     })
            {
                // A receiver never knows a petition its sender does not.
                Assert.Subset(petitions, await IdsAsync(restored.SameDatabaseAs(_services.Databases[database]), sql));
            }
        }

        // Once nothing moves any more, a backup restores exactly what the live databases hold.
        var settled = await SettledAsync();
        var atRest = await BackupScripts.BackupAsync(server, password, _scratch);
        Assert.True(settled.SameAs(await FlowSnapshot.ReadAsync(name => _services.Databases[name])), "nothing was written while the second backup ran");
        await using (var restored = await RestoreAsync(atRest, password))
        {
            var copy = await FlowSnapshot.ReadAsync(name => restored.SameDatabaseAs(_services.Databases[name]));
            output.WriteLine($"live: {settled}\nrestored: {copy}");
            Assert.Equal(settled.Tables, copy.Tables);
        }
    }

    private int _registered;

    private async Task RegisterUntilAsync(CancellationToken stop)
    {
        var portal = _services.Intake.As("portal");
        while (!stop.IsCancellationRequested)
        {
            using var response = await portal.RegisterAsync(SamplePetitions.GuyuanWageArrears($"备份期间登记的第{_registered + 1}件"));
            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref _registered);
        }
    }

    /// <summary>Waits until no outbox holds anything and every consumer has processed every event of intake's, then until two reads agree.</summary>
    private async Task<FlowSnapshot> SettledAsync()
    {
        await Eventually.HoldsAsync(
            async () =>
            {
                var unsent = 0L;
                foreach (var database in _services.Databases.Values)
                {
                    unsent += (await FlowSnapshot.QueryAsync(database, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", r => r.GetInt64(0))).Single();
                }

                return (unsent, deliveries: await IntakeDeliveries.ReadAsync(name => _services.Databases[name]));
            },
            state => state.unsent == 0 && state.deliveries.Delivered && state.deliveries.Events.Count >= _registered,
            within: TimeSpan.FromMinutes(1), because: "every event reaches every consumer");
        // Consumers may still be working on later events (a routing decision opening a case): settled means two reads agree.
        var (_, settled) = await Eventually.HoldsAsync(
            async () => (await FlowSnapshot.ReadAsync(name => _services.Databases[name]), await FlowSnapshot.ReadAsync(name => _services.Databases[name])),
            pair => pair.Item1.SameAs(pair.Item2), within: TimeSpan.FromMinutes(1), because: "the flow comes to rest");
        return settled;
    }

    private async Task<RestoredServer> RestoreAsync(string backup, string password) =>
        await BackupScripts.RestoreAsync(backup, password, Path.Combine(TestDirectories.Create("restore"), "data"), LocalPorts.Free());

    private static async Task<HashSet<Guid>> IdsAsync(string connectionString, string sql) =>
        [.. await FlowSnapshot.QueryAsync(connectionString, sql, reader => reader.GetGuid(0))];
}
