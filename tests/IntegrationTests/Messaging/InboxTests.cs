using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Messaging;

[Collection("infrastructure")]
public sealed class InboxTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceFactory<RoutingDbContext> _routing = null!;

    public async Task InitializeAsync()
    {
        _routing = new ServiceFactory<RoutingDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:routingdb"] = await infrastructure.CreateDatabaseAsync("routing"),
            ["ConnectionStrings:messaging"] = await infrastructure.CreateVirtualHostAsync("inbox"),
        });
        await ServiceSet.Ready(_routing.CreateClient());
    }

    public async Task DisposeAsync() => await _routing.DisposeAsync();

    [Fact]
    public async Task A_redelivered_message_changes_nothing()
    {
        using var duplicates = MessagingCounter.Duplicates();
        var registered = new PetitionRegistered(
            Guid.NewGuid(), "130724-20261123-00001", "online", "complaint", "wage-arrears", "130724102", "130724/petition-bureau", 1, DateTimeOffset.UtcNow, TrackingCodes.Hash("INBX-0000-0000-0001"));
        var messageId = Guid.NewGuid();
        var bus = _routing.Services.GetRequiredService<IBus>();

        // What the outbox does after a crash between the broker's confirm and marking the row sent.
        await bus.Publish(registered, context => context.MessageId = messageId);
        await bus.Publish(registered, context => context.MessageId = messageId);

        await Eventually.HoldsAsync(() => Task.FromResult(duplicates.Count), count => count == 1, because: "the second copy reaches the inbox");
        Assert.Equal(1, await _routing.InDatabaseAsync(db => db.RoutingRequests.CountAsync(r => r.PetitionId == registered.PetitionId)));
        Assert.Equal(1, await _routing.InDatabaseAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Distinct_messages_about_one_petition_are_each_processed()
    {
        var bus = _routing.Services.GetRequiredService<IBus>();
        var petitionId = Guid.NewGuid();

        await bus.Publish(new PetitionRegistered(petitionId, "n-1", "online", "complaint", "utilities", "500112", "500112/petition-bureau", 1, DateTimeOffset.UtcNow, TrackingCodes.Hash("INBX-0000-0000-0002")));

        var inbox = await Eventually.HoldsAsync(
            () => _routing.InDatabaseAsync(db => db.Set<InboxMessage>().Where(m => m.PetitionId == petitionId).ToListAsync()),
            rows => rows.Count == 1);
        Assert.Equal("routing-petition-registered", inbox[0].Consumer);
        Assert.Equal(nameof(PetitionRegistered), inbox[0].MessageType);
    }
}
