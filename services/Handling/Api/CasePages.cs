using PetitionPlatform.Handling.Domain;
using PetitionPlatform.ServiceDefaults.Paging;

namespace PetitionPlatform.Handling.Api;

/// <summary>Where the next page of a unit's cases starts, in the list's order: opened, then id.</summary>
internal static class CasePages
{
    public static IQueryable<Case> After(this IQueryable<Case> cases, PageCursor? after) =>
        after is null ? cases : cases.Where(c => c.OpenedAt > after.At || (c.OpenedAt == after.At && c.Id > after.Id));
}
