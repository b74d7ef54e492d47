using System.Net;
using PetitionPlatform.Contracts;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Notification;

/// <summary>
/// ACCESS.md on messages: what was written to a unit is read by that unit's own client only; what was written to a
/// petitioner is read with the query code, without a token.
/// </summary>
[Collection("infrastructure")]
public sealed class NotificationAccessTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private NotificationHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_units_messages_are_its_own_to_read_and_a_petitioners_open_with_the_query_code()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId));
        await _host.PublishAsync(GuyuanEvents.Opened(petitionId, Guid.NewGuid(), "130724/hrss", RoutingModes.Transfer));
        await _host.SentToAsync("130724/hrss", petitionId, 1);

        foreach (var (caller, expected) in new (string?, HttpStatusCode)[]
                 {
                     ("130724/hrss", HttpStatusCode.OK),
                     ("130724/housing", HttpStatusCode.Forbidden),
                     ("130000/petition-bureau", HttpStatusCode.Forbidden),
                     ("portal", HttpStatusCode.Forbidden),
                     (null, HttpStatusCode.Unauthorized),
                 })
        {
            var client = caller is null ? _host.Client : _host.As(caller);
            using var response = await client.GetAsync("/api/notifications?recipient=130724/hrss");
            Assert.True(response.StatusCode == expected, $"{caller ?? "no token"}: {(int)response.StatusCode}");
            Assert.True(response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType == "application/problem+json");
        }

        using var petitioner = await _host.Client.GetAsync($"/api/notifications?recipient={Uri.EscapeDataString(GuyuanEvents.TrackingCode)}");
        Assert.Equal(HttpStatusCode.OK, petitioner.StatusCode);
    }
}
