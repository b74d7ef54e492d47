using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Notification;

/// <summary>Review, re-review and termination events on the real broker, and the messages notification delivers for them.</summary>
[Collection("infrastructure")]
public sealed class ReviewNotificationTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private NotificationHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_petitioner_and_the_reviewing_unit_hear_of_the_review_and_the_petitioner_of_the_termination()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId));
        await _host.WaitUntilProcessedAsync(petitionId, 1);

        await _host.PublishAsync(new ReviewRequested(petitionId, Guid.NewGuid(), "130700/hrss", CaseStages.Review, Guid.NewGuid(), "130724/hrss",
            new DateTimeOffset(2026, 6, 1, 23, 59, 59, TimeSpan.FromHours(8)), false, GuyuanEvents.At.AddDays(60)));
        await _host.PublishAsync(new PetitionTerminated(petitionId, "130724/court", TerminationReasons.PoliticalLegal, null, "（2026）冀0724民终8号",
            GuyuanEvents.At.AddDays(70)));

        var unit = Assert.Single(await _host.SentToAsync("130700/hrss", petitionId, 1));
        Assert.Equal("review-opened", unit.GetProperty("template").GetString());
        Assert.Contains("2026年6月1日", Text(unit), StringComparison.Ordinal);
        var petitioner = await _host.SentToAsync(GuyuanEvents.TrackingCode, petitionId, 2);
        Assert.Equal(["review-opened", "terminated"], petitioner.Select(m => m.GetProperty("template").GetString()).Order());
        var terminated = Text(petitioner.Single(m => m.GetProperty("template").GetString() == "terminated"));
        Assert.Contains("（2026）冀0724民终8号", terminated, StringComparison.Ordinal);
        Assert.Contains("不再受理", terminated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_review_is_written_to_no_unit_but_the_reviewing_one()
    {
        var petitionId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(petitionId, kind: "report"));
        await _host.WaitUntilProcessedAsync(petitionId, 1);

        await _host.PublishAsync(new ReviewRequested(petitionId, Guid.NewGuid(), "130700/discipline", CaseStages.Review, Guid.NewGuid(),
            "130724/discipline", new DateTimeOffset(2026, 6, 1, 23, 59, 59, TimeSpan.FromHours(8)), true, GuyuanEvents.At.AddDays(60)));

        Assert.Single(await _host.SentToAsync("130700/discipline", petitionId, 1));
        var petitioner = Assert.Single(await _host.SentToAsync(GuyuanEvents.TrackingCode, petitionId, 1));
        Assert.DoesNotContain("discipline", Text(petitioner), StringComparison.Ordinal);
        Assert.Empty(await _host.MessagesForAsync("130724/discipline", petitionId));
    }

    private static string Text(JsonElement message) => message.GetProperty("text").GetString()!;
}
