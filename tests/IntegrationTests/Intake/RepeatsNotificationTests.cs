using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.IntegrationTests.Notification;
using PetitionPlatform.IntegrationTests.Support;
using PetitionPlatform.Notification.Domain;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Intake;

/// <summary>The petitioner who brings back a terminated matter is told, in writing, that it is not accepted and why.</summary>
[Collection("infrastructure")]
public sealed class RepeatsNotificationTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private NotificationHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_resubmitted_terminated_matter_is_answered_to_the_petitioner_alone_quoting_both_numbers()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(new TerminatedMatterResubmitted(
            petitionId, "130724-20261123-00002", Guid.NewGuid(), "130724-20260302-00017", TerminationReasons.PoliticalLegal,
            TrackingCodes.Hash("7K3M-Q9TX-2B8R-WD4N"), "sms", DateTimeOffset.UtcNow));

        var messages = await Eventually.HoldsAsync(
            () => _host.InDatabaseAsync(db => db.Notifications.AsNoTracking().Where(n => n.PetitionId == petitionId).ToListAsync()),
            found => found.Count > 0, because: "notification writes the refusal");

        var message = Assert.Single(messages);
        Assert.Equal("not-accepted-terminated", message.Template);
        Assert.Equal(Recipient.Petitioner, message.RecipientKind);
        Assert.Equal("sms", message.Channel);
        Assert.Contains("130724-20261123-00002", message.Text, StringComparison.Ordinal);
        Assert.Contains("130724-20260302-00017", message.Text, StringComparison.Ordinal);
        Assert.Contains("政法机关", message.Text, StringComparison.Ordinal);
        Assert.Contains("不再受理", message.Text, StringComparison.Ordinal);
    }
}
