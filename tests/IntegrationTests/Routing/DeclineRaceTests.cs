using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Routing;

/// <summary>
/// The same decline delivered twice under two message ids, at once (a unit's system retrying, two instances of handling):
/// when no candidate is left, the common superior is asked to decide once, not twice.
/// </summary>
[Collection("infrastructure")]
public sealed class DeclineRaceTests(SharedInfrastructure infrastructure)
{
    private const int Petitions = 10;

    [Fact]
    public async Task A_decline_delivered_twice_at_once_asks_for_one_decision()
    {
        await using var routing = await RoutingService.StartAsync(infrastructure);
        var petitionIds = new List<Guid>();
        for (var i = 0; i < Petitions; i++)
        {
            var registered = new PetitionRegistered(
                Guid.NewGuid(), $"330523-20261123-{i:00000}", "online", "complaint", "medical", "330523", "330523/petition-bureau", 1,
                new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)), TrackingCodes.Hash("AB12-CD34-EF56-GH78"));
            await routing.PublishAsync(registered);
            petitionIds.Add(registered.PetitionId);
        }

        foreach (var petitionId in petitionIds)
        {
            await Eventually.HoldsAsync(
                async () => (await (await routing.ReaderForAsync(petitionId)).GetAsync($"/api/routing/petitions/{petitionId}")).StatusCode,
                status => status == HttpStatusCode.OK, because: "routing makes the first decision");
        }

        // Each decline twice, as two messages (the bus gives each publish its own id), all at once.
        await Task.WhenAll(petitionIds.SelectMany(petitionId =>
        {
            var declined = new CaseDeclined(petitionId, Guid.NewGuid(), "330523/health", CaseStages.Original,
                "not a medical dispute", null, null, false, new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)));
            return new[] { routing.PublishAsync(declined), routing.PublishAsync(declined) };
        }));

        foreach (var petitionId in petitionIds)
        {
            await Eventually.HoldsAsync(
                async () => await (await routing.ReaderForAsync(petitionId)).GetFromJsonAsync<JsonElement>($"/api/routing/petitions/{petitionId}"),
                json => json.GetProperty("awaitingDecisionBy").ValueKind == JsonValueKind.String, because: "the superior must decide");
        }

        // Both copies processed (or the second found the matter awaiting already): one announcement per petition.
        await Eventually.HoldsAsync(
            () => routing.Factory.InDatabaseAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageType == nameof(CaseDeclined))),
            count => count == 2 * Petitions, because: "every copy of every decline is processed");
        var announced = await routing.Factory.InDatabaseAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.MessageType.EndsWith(nameof(RoutingDecisionRequired))).CountAsync());
        Assert.Equal(Petitions, announced);
    }
}
