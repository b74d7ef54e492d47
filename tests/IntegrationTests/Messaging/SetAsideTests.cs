using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Messaging;

/// <summary>
/// What a service sets aside, as operators see and replay it through its API: an outbox row that cannot be published
/// no longer stops the outbox, and a consumed message set aside after its redeliveries goes back to its queue.
/// </summary>
[Collection("infrastructure")]
public sealed class SetAsideTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceSet _services = null!;

    public async Task InitializeAsync() => _services = await ServiceSet.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task An_unpublishable_outbox_row_is_set_aside_the_rest_flows_on_and_it_is_replayed_once_fixed()
    {
        // A row naming a contract this build does not know, as after a contract was renamed before the row left.
        var stranded = Registered(Guid.NewGuid());
        var rowId = Guid.NewGuid();
        await _services.Intake.InDatabaseAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO outbox_messages (id, message_type, body, created_at)
            VALUES ({rowId}, 'PetitionPlatform.Contracts.PetitionRegisteredV0', CAST({JsonSerializer.Serialize(stranded, JsonSerializerOptions.Web)} AS jsonb), now())
            """));

        // A registration after it still reaches routing.
        var response = await _services.Intake.As("portal").RegisterAsync(SamplePetitions.GuyuanWageArrears());
        var registered = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("petitionId").GetString()!);
        await Eventually.HoldsAsync(() => RoutedAsync(registered), known => known, because: "the outbox flows on past the stranded row");

        using var operators = _services.Intake.As("operator");
        var listed = await Eventually.HoldsAsync(() => SetAsideAsync(operators, "/api/intake/set-aside-messages"),
            list => list.GetProperty("total").GetInt64() == 1, because: "the row is set aside after its faults");
        var item = listed.GetProperty("items")[0];
        Assert.Equal((rowId, "outbox", "PetitionRegisteredV0", 5), (item.GetProperty("id").GetGuid(), item.GetProperty("source").GetString(),
            item.GetProperty("messageType").GetString(), item.GetProperty("failures").GetInt32()));
        Assert.Contains("unknown contract", item.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.False(await RoutedAsync(stranded.PetitionId));

        // The fix (here: the contract's name as this build knows it), then the replay.
        await _services.Intake.InDatabaseAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE outbox_messages SET message_type = {typeof(PetitionRegistered).FullName} WHERE id = {rowId}"));
        var unknown = Guid.NewGuid();
        var replay = await ReplayAsync(operators, "/api/intake/set-aside-messages/replay", rowId, unknown);
        Assert.Equal([rowId], replay.Replayed);
        Assert.Equal([unknown], replay.Unknown);

        await Eventually.HoldsAsync(() => RoutedAsync(stranded.PetitionId), known => known, because: "the replayed row is published");
        Assert.Equal(0, (await SetAsideAsync(operators, "/api/intake/set-aside-messages")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_consumed_message_set_aside_after_its_redeliveries_is_sent_back_to_its_queue_on_replay()
    {
        // As the hold filter leaves a message whose redeliveries are used up: routing's consumer of registrations failed it.
        var registered = Registered(Guid.NewGuid());
        var messageId = Guid.NewGuid();
        await _services.Routing.InDatabaseAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO held_messages (message_id, consumer, message_type, body, petition_id, redeliveries, last_error, held_at)
            VALUES ({messageId}, 'routing-petition-registered', {typeof(PetitionRegistered).FullName},
                    CAST({JsonSerializer.Serialize(registered, JsonSerializerOptions.Web)} AS jsonb), {registered.PetitionId}, 4, 'the directory was away', now())
            """));

        using var operators = _services.Routing.As("operator");
        var listed = await SetAsideAsync(operators, "/api/routing/set-aside-messages");
        var item = listed.GetProperty("items")[0];
        Assert.Equal((messageId, "consumer", "routing-petition-registered", registered.PetitionId, 5),
            (item.GetProperty("id").GetGuid(), item.GetProperty("source").GetString(), item.GetProperty("consumer").GetString(),
                item.GetProperty("petitionId").GetGuid(), item.GetProperty("failures").GetInt32()));

        var replay = await ReplayAsync(operators, "/api/routing/set-aside-messages/replay", messageId);
        Assert.Equal([messageId], replay.Replayed);

        await Eventually.HoldsAsync(() => RoutedAsync(registered.PetitionId), known => known, because: "routing processes the replayed message");
        Assert.Equal(0, (await SetAsideAsync(operators, "/api/routing/set-aside-messages")).GetProperty("total").GetInt64());
        // Processed under its own id, so a copy still somewhere would be recognised.
        Assert.True(await _services.Routing.InDatabaseAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task A_replay_names_the_ids_it_is_for()
    {
        using var operators = _services.Handling.As("operator");
        using var empty = await operators.PostAsJsonAsync("/api/handling/set-aside-messages/replay", new { ids = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ids", out _));

        using var wrongType = await operators.PostAsync("/api/handling/set-aside-messages/replay",
            new StringContent("""{"ids":["not-an-id"]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
    }

    private static PetitionRegistered Registered(Guid petitionId) => new(
        petitionId, "n", "online", "complaint", "wage-arrears", "130724102", "130000/petition-bureau", 1,
        new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), TrackingCodes.Hash("SETA-0000-0000-0000"));

    private Task<bool> RoutedAsync(Guid petitionId) =>
        _services.Routing.InDatabaseAsync(db => db.RoutingRequests.AnyAsync(r => r.PetitionId == petitionId));

    private static async Task<JsonElement> SetAsideAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<SetAsideApi.ReplayResult> ReplayAsync(HttpClient client, string path, params Guid[] ids)
    {
        using var response = await client.PostAsJsonAsync(path, new { ids });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SetAsideApi.ReplayResult>(JsonSerializerOptions.Web))!;
    }
}
