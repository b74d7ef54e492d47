using PetitionPlatform.Contracts;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Notification;

/// <summary>Joint handling: findings a co-handler adds reach the lead unit as a document, on the real broker and database.</summary>
[Collection("infrastructure")]
public sealed class FindingsNotificationTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Lead = "130724/hrss";
    private const string CoHandler = "130724/justice";

    private NotificationHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_lead_unit_is_told_once_that_a_co_handler_added_findings_and_nobody_else_is()
    {
        var petitionId = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId));
        await _host.WaitUntilProcessedAsync(petitionId, 1);
        var added = new CaseFindingsAdded(petitionId, caseId, Lead, CoHandler, CaseStages.Original, 1, false, GuyuanEvents.At.AddDays(10));
        var messageId = Guid.NewGuid();

        await _host.PublishAsync(added, messageId);
        await _host.PublishAsync(added, messageId);
        // The lead's own findings later on: no document to the lead about its own act.
        await _host.PublishAsync(added with { ByOrgId = Lead, FindingsCount = 2, OccurredAt = GuyuanEvents.At.AddDays(11) });
        await _host.WaitUntilProcessedAsync(petitionId, 3);

        var message = Assert.Single(await _host.SentToAsync(Lead, petitionId, 1));
        Assert.Equal(("findings-added", "internal"), (message.GetProperty("template").GetString(), message.GetProperty("channel").GetString()));
        var text = message.GetProperty("text").GetString()!;
        Assert.Contains("130724-20260302-00017", text, StringComparison.Ordinal);
        Assert.Contains(CoHandler, text, StringComparison.Ordinal);
        Assert.Empty(await _host.MessagesForAsync(CoHandler, petitionId));
        Assert.Empty(await _host.MessagesForAsync(GuyuanEvents.TrackingCode, petitionId));
    }

    [Fact]
    public async Task Findings_about_a_petition_not_yet_registered_wait_for_it()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(new CaseFindingsAdded(petitionId, Guid.NewGuid(), Lead, CoHandler, CaseStages.Review, 3, false, GuyuanEvents.At.AddDays(40)));
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId));

        var message = Assert.Single(await _host.SentToAsync(Lead, petitionId, 1));
        Assert.Contains("复查", message.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }
}
