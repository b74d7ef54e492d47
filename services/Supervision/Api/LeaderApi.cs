using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Problems;
using PetitionPlatform.Supervision.Data;
using PetitionPlatform.Supervision.Domain;

using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Supervision.Api;

/// <summary>Leaders taking a hard matter on personally (领导包案): recorded, shown in the ledger and named in later notices.</summary>
public static class LeaderApi
{
    private const int MaxLeaderLength = 100;

    public static IEndpointRouteBuilder MapLeaderApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/supervision").WithTags("Ledger")
            .MapPost("/petitions/{petitionId}/leader", TakeOverAsync)
            .Accepts<LeaderRequest>("application/json")
            .WithSummary("A leader takes the petition on (包案); a later take-over replaces the earlier one");
        return app;
    }

    private static async Task<Results<Ok<LeaderResponse>, ValidationProblem, ProblemHttpResult>> TakeOverAsync(
        string petitionId, HttpRequest http, Caller caller, SupervisionAccess access, LedgerStore ledger, SupervisionDbContext db, TimeProvider time, AuditTrail audit, CancellationToken ct)
    {
        if (!Guid.TryParse(petitionId, out var id))
        {
            return PetitionProblems.Malformed();
        }

        var (request, problem) = await JsonBody.ReadAsync<LeaderRequest>(http, "A JSON object { leader, orgId } is required.", ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Leader) || request.Leader.Trim().Length > MaxLeaderLength)
        {
            errors["leader"] = [$"The leader (their office, e.g. 县委副书记) is required, at most {MaxLeaderLength} characters."];
        }

        if (!OrgId.IsWellFormed(request.OrgId))
        {
            errors["orgId"] = ["The leader's organisation is required as '<regionCode>/<unit>', e.g. 130724/petition-bureau."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        if (!await db.LedgerEvents.AnyAsync(e => e.PetitionId == id, ct) || !await access.CanReadPetitionAsync(caller, id, ct))
        {
            return PetitionProblems.Unknown();
        }

        // A bureau takes a matter over in its own name (ACCESS.md: bureau), never in another organisation's.
        if (!caller.Has(AccessRoles.Bureau) || !caller.Is(request.OrgId))
        {
            return Problem.Forbidden($"A petition bureau takes a matter over in its own name; this client acts for '{caller.Org}'.", "orgId");
        }

        var record = await db.Leaders.SingleOrDefaultAsync(l => l.PetitionId == id, ct);
        if (record is null)
        {
            record = new PetitionLeader { PetitionId = id, Leader = "", OrgId = "" };
            db.Leaders.Add(record);
        }

        record.Leader = request.Leader!.Trim();
        record.OrgId = request.OrgId!;
        record.TakenAt = time.GetUtcNow();
        audit.Record(AuditActions.LeaderTookOver, id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(LeaderResponse.From(record));
    }
}
