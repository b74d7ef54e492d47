using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Supervision.Api;

/// <summary>The supervisors' ledger of one petition: every statutory clock, who holds it and whether it ran out.</summary>
public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/supervision").WithTags("Ledger")
            .MapGet("/petitions/{petitionId}", GetAsync)
            .WithSummary("The ledger of a petition: its statutory clocks and the supervision notices about it");
        return app;
    }

    private static async Task<Results<Ok<LedgerResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string petitionId, Caller caller, SupervisionAccess access, LedgerStore ledger, SupervisionDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!Guid.TryParse(petitionId, out var id))
        {
            return PetitionProblems.Malformed();
        }

        var progress = await ledger.ProgressAsync(id, ct);
        if (!await access.CanReadPetitionAsync(caller, id, ct, progress))
        {
            return PetitionProblems.Unknown();
        }

        var links = await db.LinksOfAsync(id, ct);
        if (progress is null && links.Own is { Kind: PetitionLink.Duplicate } duplicate)
        {
            return TypedResults.Ok(LedgerLinksExtensions.ForDuplicate(duplicate));
        }

        if (progress is null)
        {
            return PetitionProblems.Unknown();
        }

        var notices = await db.Notices.AsNoTracking().Where(n => n.PetitionId == id)
            .OrderBy(n => n.IssuedAt).ThenBy(n => n.Level).ToListAsync(ct);
        var leader = await db.Leaders.AsNoTracking().SingleOrDefaultAsync(l => l.PetitionId == id, ct);
        return TypedResults.Ok(LedgerResponse.From(progress, notices, leader, time.GetUtcNow()).WithLinks(links));
    }
}
