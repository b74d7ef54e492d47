using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.Contracts.Periods;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

namespace PetitionPlatform.Supervision.Api;

/// <summary>The backlog ledger (积案台账): every clock still open past its deadline at a unit under a region, oldest first.</summary>
public static partial class BacklogApi
{
    public static IEndpointRouteBuilder MapBacklogApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/supervision").WithTags("Ledger")
            .MapGet("/backlog", ListAsync)
            .WithSummary("Overdue matters at units of the region and everything below it, with their age in days");
        return app;
    }

    private static async Task<Results<Ok<List<BacklogEntry>>, ValidationProblem>> ListAsync(
        string? regionCode, LedgerStore ledger, TimeProvider time, CancellationToken ct)
    {
        if (regionCode is null || !Shape().IsMatch(regionCode))
        {
            return Problems.Invalid("regionCode", "The region is required as its 6- or 9-digit code, e.g. ?regionCode=130724.");
        }

        var now = time.GetUtcNow();
        var today = StatutoryCalendar.DayOf(now);
        var backlog = new List<BacklogEntry>();
        await foreach (var petition in ledger.EveryPetitionAsync(200, ct))
        {
            backlog.AddRange(petition.Stages
                .Where(clock => clock.DoneAt is null && clock.IsOverdueAt(now) && RegionCodes.IsUnder(clock.OrgId, regionCode))
                .Select(clock => new BacklogEntry(petition.PetitionId.ToString(), petition.Number, clock.Stage, clock.OrgId,
                    clock.CaseId?.ToString(), clock.DueBy.InChina(), today.DayNumber - StatutoryCalendar.DayOf(clock.DueBy).DayNumber)));
        }

        return TypedResults.Ok(backlog.OrderByDescending(b => b.DaysOverdue).ThenBy(b => b.PetitionId, StringComparer.Ordinal).ToList());
    }

    [GeneratedRegex("^[0-9]{6}([0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

/// <param name="DaysOverdue">Whole China calendar days since the deadline's day.</param>
public sealed record BacklogEntry(
    string PetitionId, string? Number, string Stage, string OrgId, string? CaseId, DateTimeOffset DueBy, int DaysOverdue);
