using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.Contracts;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.ServiceDefaults.Problems;
using PetitionPlatform.Supervision.Data;

using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Supervision.Api;

/// <summary>The backlog ledger (积案台账): every clock still open past its deadline at a unit under a region, oldest first.</summary>
public static class BacklogApi
{
    public static IEndpointRouteBuilder MapBacklogApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/supervision").WithTags("Ledger")
            .MapGet("/backlog", ListAsync)
            .WithSummary("Overdue matters at units of the region and everything below it, with their age in days");
        return app;
    }

    private static async Task<Results<Ok<List<BacklogEntry>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? regionCode, Caller caller, SupervisionAccess access, LedgerStore ledger, TimeProvider time, CancellationToken ct)
    {
        if (!RegionCode.TryParse(regionCode, out var region))
        {
            return Problem.Invalid("regionCode", "The region is required as its code of 6, 9 or 12 digits, e.g. ?regionCode=130724.");
        }

        if (!await access.OverseesAsync(caller, region.Value, ct))
        {
            return SupervisionProblems.NotOverseen(caller, region.Value);
        }

        var now = time.GetUtcNow();
        var today = StatutoryCalendar.DayOf(now);
        var backlog = new List<BacklogEntry>();
        var onlyEscalationsAndDisputes = SupervisionAccess.SeesOnlyEscalationsAndDisputes(caller);
        await foreach (var petition in ledger.PossiblyOverdueAsync(now, 200, ct))
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
