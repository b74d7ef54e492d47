using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Paging;
using PetitionPlatform.ServiceDefaults.Problems;
using PetitionPlatform.Supervision.Data;

namespace PetitionPlatform.Supervision.Api;

/// <summary>
/// The backlog ledger (积案台账): every clock still open past its deadline at a unit under a region. Paged by petition
/// (docs/decisions.md 52): a page looks at up to <c>limit</c> petitions that may be overdue, in the order of their ids,
/// and lists their overdue clocks in the region, most overdue first.
/// </summary>
public static class BacklogApi
{
    /// <summary>The petitions are ordered by id alone, which never changes while a client pages; the cursor's instant is unused.</summary>
    private static readonly Func<Guid, PageCursor> s_cursorOf = id => PageCursor.Of(DateTimeOffset.UnixEpoch, id);

    public static IEndpointRouteBuilder MapBacklogApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/supervision").WithTags("Ledger")
            .MapGet("/backlog", ListAsync)
            .WithSummary("Overdue matters at units of the region and everything below it, with their age in days, a page of petitions at a time");
        return app;
    }

    private static async Task<Results<Ok<List<BacklogEntry>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? regionCode, string? limit, string? after, HttpContext http, Caller caller, SupervisionAccess access, LedgerStore ledger,
        TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, after, errors);
        if (!RegionCode.TryParse(regionCode, out var region))
        {
            errors["regionCode"] = ["The region is required as its code of 6, 9 or 12 digits, e.g. ?regionCode=130724."];
        }

        if (errors.Count > 0 || page is null)
        {
            return Problem.Invalid(errors);
        }

        if (!await access.OverseesAsync(caller, region.Value, ct))
        {
            return SupervisionProblems.NotOverseen(caller, region.Value);
        }

        var now = time.GetUtcNow();
        var today = StatutoryCalendar.DayOf(now);
        var read = await ledger.PossiblyOverdueAsync(now, page.After?.Id, page.ReadLimit, ct);
        // Cut by the petitions read, so that the cursor follows them: a page may list fewer than the limit (most
        // petitions looked at are elsewhere, or not overdue after all), or a few more (a petition overdue on two clocks).
        var petitions = page.Page(read, s_cursorOf, http);
        var backlog = new List<BacklogEntry>();
        var onlyEscalationsAndDisputes = SupervisionAccess.SeesOnlyEscalationsAndDisputes(caller);
        foreach (var petition in await ledger.ProgressOfAsync(petitions, ct))
        {
            var overdue = petition.Stages.Where(clock => clock.DoneAt is null && clock.IsOverdueAt(now) && SupervisionAccess.MayShowClockOf(caller, clock.OrgId)).ToList();
            if (overdue.Count == 0 || (onlyEscalationsAndDisputes && !await access.IsEscalatedOrDisputedAsync(petition.PetitionId, ct)))
            {
                continue;
            }

            foreach (var clock in overdue)
            {
                if (OrgId.TryParse(clock.OrgId, out var org) && await access.IsInRegionAsync(org, region, ct))
                {
                    backlog.Add(new BacklogEntry(petition.PetitionId.ToString(), petition.Number, clock.Stage, clock.OrgId,
                        clock.CaseId?.ToString(), clock.DueBy.InChina(), today.DayNumber - StatutoryCalendar.DayOf(clock.DueBy).DayNumber));
                }
            }
        }

        return TypedResults.Ok(backlog.OrderByDescending(b => b.DaysOverdue).ThenBy(b => b.PetitionId, StringComparer.Ordinal).ToList());
    }
}

/// <param name="DaysOverdue">Whole China calendar days since the deadline's day.</param>
public sealed record BacklogEntry(
    string PetitionId, string? Number, string Stage, string OrgId, string? CaseId, DateTimeOffset DueBy, int DaysOverdue);
