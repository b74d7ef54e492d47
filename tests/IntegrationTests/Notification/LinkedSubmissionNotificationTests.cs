using System.Net;
using System.Text.Json;
using PetitionPlatform.Contracts;
using PetitionPlatform.TestSupport;

namespace PetitionPlatform.IntegrationTests.Notification;

/// <summary>
/// Submissions intake links instead of registering (a duplicate, a resubmitted terminated matter) get their own query
/// code; the petitioner reads the messages about them with it.
/// </summary>
[Collection("infrastructure")]
public sealed class LinkedSubmissionNotificationTests(SharedInfrastructure infrastructure) : IAsyncLifetime
{
    private const string DuplicateCode = "D2P7-KQ4M-8XVN-3HTA";
    private const string ResubmissionCode = "R9TW-5MZC-JX2B-7KQE";

    private NotificationHost _host = null!;

    public async Task InitializeAsync() => _host = await NotificationHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_duplicates_receipt_is_listed_under_its_own_query_code()
    {
        var originalId = Guid.NewGuid();
        var duplicateId = Guid.NewGuid();
        await _host.PublishAsync(GuyuanEvents.Registered(originalId));
        await _host.PublishAsync(new DuplicateSubmissionLinked(duplicateId, "130724-20260305-00003", originalId,
            "130724-20260302-00017", "online", "130000/petition-bureau", GuyuanEvents.At.AddDays(3), TrackingCodes.Hash(DuplicateCode)));
        await _host.PublishAsync(new PetitionerReceiptRequested(duplicateId, "130724-20260305-00003", DuplicateCode, "online",
            GuyuanEvents.At.AddDays(3)));
        await _host.WaitUntilProcessedAsync(duplicateId, 2);

        // Typed as a petitioner would, lower case and without dashes.
        var receipt = Assert.Single(await _host.SentToAsync(DuplicateCode.Replace("-", "").ToLowerInvariant(), duplicateId, 1));
        Assert.Equal("receipt", receipt.GetProperty("template").GetString());
        Assert.Equal("petitioner", receipt.GetProperty("recipient").GetString());
        Assert.Contains("130724-20260305-00003", Text(receipt), StringComparison.Ordinal);
        // The duplicate's code reads only the duplicate's messages, not the original's.
        Assert.All(await _host.MessagesForAsync(DuplicateCode), m => Assert.Equal(duplicateId.ToString(), m.GetProperty("petitionId").GetString()));
    }

    [Fact]
    public async Task The_refusal_of_a_resubmitted_terminated_matter_is_listed_under_the_new_query_code()
    {
        var resubmissionId = Guid.NewGuid();
        await _host.PublishAsync(new TerminatedMatterResubmitted(resubmissionId, "130724-20260901-00004", Guid.NewGuid(),
            "130724-20260302-00017", TerminationReasons.ReReviewAnswered, TrackingCodes.Hash(ResubmissionCode), "sms", GuyuanEvents.At.AddDays(180)));
        await _host.PublishAsync(new PetitionerReceiptRequested(resubmissionId, "130724-20260901-00004", ResubmissionCode, "sms",
            GuyuanEvents.At.AddDays(180)));
        await _host.WaitUntilProcessedAsync(resubmissionId, 2);

        var messages = await _host.SentToAsync(ResubmissionCode, resubmissionId, 2);
        Assert.Equal(["not-accepted-terminated", "receipt"], messages.Select(m => m.GetProperty("template").GetString()).Order());
        Assert.Contains("130724-20260302-00017", Text(messages.Single(m => m.GetProperty("template").GetString() == "not-accepted-terminated")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_announced_without_a_hash_leaves_its_code_unknown()
    {
        var duplicateId = Guid.NewGuid();
        await _host.PublishAsync(new DuplicateSubmissionLinked(duplicateId, "130724-20260305-00009", Guid.NewGuid(),
            "130724-20260302-00017", "online", "130000/petition-bureau", GuyuanEvents.At.AddDays(3)));
        await _host.WaitUntilProcessedAsync(duplicateId, 1);

        var answer = await _host.Client.GetAsync("/api/notifications?recipient=N0HA-SH00-0000-0000");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    private static string Text(JsonElement message) => message.GetProperty("text").GetString()!;
}
