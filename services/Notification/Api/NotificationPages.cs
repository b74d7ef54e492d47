using PetitionPlatform.Notification.Domain;
using PetitionPlatform.ServiceDefaults.Paging;

namespace PetitionPlatform.Notification.Api;

/// <summary>Where the next page of a recipient's messages starts, in the list's order: created, then id.</summary>
internal static class NotificationPages
{
    public static IQueryable<NotificationMessage> After(this IQueryable<NotificationMessage> messages, PageCursor? after) =>
        after is null ? messages : messages.Where(n => n.CreatedAt > after.At || (n.CreatedAt == after.At && n.Id > after.Id));
}
