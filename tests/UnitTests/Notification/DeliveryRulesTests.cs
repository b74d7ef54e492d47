using PetitionPlatform.Contracts;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.Notification.Api;
using PetitionPlatform.Notification.Delivery;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.UnitTests.Notification;

public sealed class DeliveryRulesTests
{
    private static readonly ReceiptSealing s_sealing = new(new KeyRing("test", new Dictionary<string, byte[]> { ["test"] = new byte[32] }));

    [Theory]
    [InlineData("online", DeliveryChannels.Online)]
    [InlineData("qr-code", DeliveryChannels.Online)]
    [InlineData("sms", DeliveryChannels.Sms)]
    [InlineData("phone", DeliveryChannels.Sms)]
    [InlineData("hotline", DeliveryChannels.Sms)]
    [InlineData("letter", DeliveryChannels.Letter)]
    [InlineData("visit", DeliveryChannels.Letter)]
    [InlineData(null, DeliveryChannels.Letter)]
    public void The_petitioner_is_written_to_through_the_door_they_came_in_by(string? petitionChannel, string expected)
    {
        Assert.Equal(expected, DeliveryChannels.For(Recipient.PetitionerOf(Guid.NewGuid()), petitionChannel));
    }

    [Fact]
    public void Units_are_written_to_through_the_internal_system()
    {
        Assert.Equal(DeliveryChannels.Internal, DeliveryChannels.For(Recipient.Unit("130724/hrss"), "sms"));
    }

    [Fact]
    public void Retries_back_off_exponentially_up_to_the_cap()
    {
        var options = new DeliveryOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(60) };

        Assert.Equal([10, 20, 40, 60, 60], Enumerable.Range(1, 5).Select(n => options.RetryDelayAfter(n).TotalSeconds));
    }

    [Fact]
    public void A_message_fails_for_good_after_the_last_allowed_attempt_and_forgets_the_query_code()
    {
        var now = DateTimeOffset.UtcNow;
        var message = NotificationMessage.Create(Guid.NewGuid(), Guid.NewGuid(), "receipt", Recipient.PetitionerOf(Guid.NewGuid()),
            DeliveryChannels.Sms, "查询码****", s_sealing.Seal("查询码ABCD"), now);

        message.MarkAttemptFailed("gateway down", now, maxAttempts: 2, TimeSpan.FromSeconds(10));
        Assert.Equal(NotificationStatuses.Pending, message.Status);
        Assert.Equal(now.AddSeconds(10), message.NextAttemptAt);
        Assert.Equal("查询码ABCD", message.TextToDeliver(s_sealing));

        message.MarkAttemptFailed("gateway down", now, maxAttempts: 2, TimeSpan.FromSeconds(20));
        Assert.Equal(NotificationStatuses.Failed, message.Status);
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.SealedDeliveryText);
    }

    [Fact]
    public void Sending_keeps_only_the_masked_copy()
    {
        var now = DateTimeOffset.UtcNow;
        var message = NotificationMessage.Create(Guid.NewGuid(), Guid.NewGuid(), "receipt", Recipient.PetitionerOf(Guid.NewGuid()),
            DeliveryChannels.Online, "查询码****", s_sealing.Seal("查询码ABCD"), now);

        message.MarkSent(now);

        Assert.Equal(NotificationStatuses.Sent, message.Status);
        Assert.Equal(now, message.SentAt);
        Assert.Null(message.SealedDeliveryText);
        Assert.Equal("查询码****", message.TextToDeliver(s_sealing));
    }

    [Theory]
    [InlineData("130724/hrss")]
    [InlineData("130724102/township-gov")]
    public void An_org_id_is_a_unit_recipient(string value)
    {
        Assert.Equal(new RecipientQuery.Unit(value), RecipientQuery.Parse(value));
    }

    [Theory]
    [InlineData("ABCD-EFGH-JKMN-PQRS")]
    [InlineData("abcdefghjkmnpqrs")]
    [InlineData("ABCD EFGH JKMN PQRS")]
    public void A_query_code_is_matched_by_its_hash_however_typed(string value)
    {
        Assert.Equal(new RecipientQuery.Petitioner(TrackingCodes.Hash("ABCD-EFGH-JKMN-PQRS")), RecipientQuery.Parse(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("hrss")]
    [InlineData("ABCD-EFGH")]
    public void Anything_else_is_not_a_recipient(string? value)
    {
        Assert.Null(RecipientQuery.Parse(value));
    }
}
