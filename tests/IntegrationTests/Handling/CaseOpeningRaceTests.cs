using MassTransit;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Handling.Domain;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Handling;

/// <summary>
/// Events about one petition delivered at the same moment, many petitions at once, on the real broker: whatever order
/// the consumers run in, one case is left open for the latest decision, and none once the matter is terminated.
/// </summary>
[Collection("infrastructure")]
public sealed class CaseOpeningRaceTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const int Petitions = 20;

    private HandlingHost _handling = null!;

    public async Task InitializeAsync() => _handling = await HandlingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _handling.DisposeAsync();

    private static readonly DateTimeOffset s_terminatedAt = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_decision_and_its_reroute_each_delivered_twice_at_once_leave_one_open_case_at_the_later_unit()
    {
        var petitions = await RegisterAsync();

        // Each decision twice under its own message ids (a replay), and the reroute after a decline beside the first.
        await Task.WhenAll(petitions.SelectMany(id => new[]
        {
            HandlingHost.Routed(id, "130724/hrss"), HandlingHost.Routed(id, "130724/hrss"),
            HandlingHost.Routed(id, "130724/housing", attempt: 1), HandlingHost.Routed(id, "130724/housing", attempt: 1),
        }).Select(routed => _handling.Bus.Publish(routed, context => context.MessageId = Guid.NewGuid())));
        await ProcessedAsync(petitions, nameof(PetitionRouted), 4);

        var cases = await CasesAsync(petitions);
        foreach (var id in petitions)
        {
            var open = Assert.Single(cases[id], c => CaseStateMachine.IsOpen(c.Status));
            Assert.Equal(("130724/housing", 1), (open.OrgId, open.RoutingAttempt));
            // The first decision's case, if it was opened before the reroute was seen, was closed by it.
            Assert.True(cases[id].Count(c => c.RoutingAttempt == 0) <= 1);
        }
    }

    [Fact]
    public async Task A_termination_delivered_with_the_decision_leaves_no_case_open()
    {
        var petitions = await RegisterAsync();

        await Task.WhenAll(petitions.SelectMany(id => new object[]
        {
            HandlingHost.Routed(id),
            new PetitionTerminated(id, "130724/political-legal", "political-legal", null, "沽政法终〔2026〕1号", s_terminatedAt),
        }).Select(message => _handling.Bus.Publish(message, context => context.MessageId = Guid.NewGuid())));
        await ProcessedAsync(petitions, nameof(PetitionRouted), 1);
        await ProcessedAsync(petitions, nameof(PetitionTerminated), 1);

        var cases = await CasesAsync(petitions);
        Assert.All(petitions, id => Assert.DoesNotContain(cases[id], c => CaseStateMachine.IsOpen(c.Status)));
    }

    private async Task<List<Guid>> RegisterAsync() =>
        [.. (await Task.WhenAll(Enumerable.Range(0, Petitions).Select(_ => _handling.RegisterAsync()))).Select(p => p.PetitionId)];

    /// <summary>Waits until every petition's <paramref name="count"/> messages of <paramref name="type"/> are processed (in the inbox).</summary>
    private Task<int> ProcessedAsync(List<Guid> petitions, string type, int count) => Eventually.HoldsAsync(
        () => _handling.Service.InDatabaseAsync(db => db.Set<InboxMessage>()
            .CountAsync(m => m.PetitionId != null && petitions.Contains(m.PetitionId.Value) && m.MessageType == type)),
        processed => processed == petitions.Count * count, TimeSpan.FromSeconds(60), $"every {type} is processed");

    private async Task<Dictionary<Guid, List<Case>>> CasesAsync(List<Guid> petitions)
    {
        var cases = await _handling.Service.InDatabaseAsync(db => db.Cases.AsNoTracking().Where(c => petitions.Contains(c.PetitionId)).ToListAsync());
        return petitions.ToDictionary(id => id, id => cases.Where(c => c.PetitionId == id).ToList());
    }
}
