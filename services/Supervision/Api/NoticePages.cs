using PetitionPlatform.ServiceDefaults.Paging;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Api;

/// <summary>
/// Where the next page of a unit's notices starts, in the list's order: newest first, the higher level first among
/// notices of one instant (an escalation before the overdue notice it follows), then id.
/// </summary>
internal static class NoticePages
{
    public static IQueryable<SupervisionNotice> After(this IQueryable<SupervisionNotice> notices, PageCursor? after) =>
        after is null ? notices : notices.Where(n => n.IssuedAt < after.At
            || (n.IssuedAt == after.At && (n.Level < after.Rank || (n.Level == after.Rank && n.Id < after.Id))));

    public static PageCursor KeyOf(SupervisionNotice notice) => PageCursor.Of(notice.IssuedAt, notice.Id, notice.Level);
}
