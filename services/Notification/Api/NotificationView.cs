using System.Text.Json.Serialization;
using PetitionPlatform.Notification.Domain;

namespace PetitionPlatform.Notification.Api;

/// <summary>A kept message as <c>GET /api/notifications</c> serves it. <c>recipient</c> is the org id, or <c>petitioner</c>.</summary>
public sealed record NotificationView(
    string Id,
    string PetitionId,
    string Template,
    string Channel,
    string Recipient,
    string Text,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? SentAt)
{
    public static NotificationView From(NotificationMessage message) => new(
        message.Id.ToString(),
        message.PetitionId.ToString(),
        message.Template,
        message.Channel,
        message.RecipientKind == Domain.Recipient.Org ? message.RecipientKey : Domain.Recipient.Petitioner,
        message.Text,
        message.Status,
        message.Attempts,
        message.CreatedAt,
        message.SentAt);
}
