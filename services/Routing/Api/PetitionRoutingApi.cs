using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Domain;
using PetitionPlatform.ServiceDefaults.Problems;

using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Routing.Api;

/// <summary>A petition's routing (API.md "Routing"): its current decision with history, and rerouting by a superior.</summary>
public static class PetitionRoutingApi
{
    private const int MaxReasonLength = 2000;

    public static IEndpointRouteBuilder MapPetitionRoutingApi(this IEndpointRouteBuilder app)
    {
        var petitions = app.MapGroup("/api/routing/petitions").WithTags("Routing");
        petitions.MapGet("/{petitionId:guid}", GetAsync).WithSummary("The latest routing decision of a petition, with its history");
        petitions.MapPost("/{petitionId:guid}/reroute", RerouteAsync).RequireRoles(AccessRoles.Overseers)
            .Accepts<RerouteRequest>("application/json")
            .WithSummary("Send a petition to another unit (a superior's decision)");
        return app;
    }

    private static async Task<Results<Ok<PetitionRoutingResponse>, ProblemHttpResult>> GetAsync(
        Guid petitionId, Caller caller, RoutingAccess access, RoutingDbContext db, CancellationToken ct)
    {
        var request = await access.CanReadAsync(caller, petitionId, ct)
            ? await db.RoutingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.PetitionId == petitionId, ct)
            : null;
        var decisions = await db.HistoryAsync(petitionId, ct);
        return request is null || decisions.Count == 0
            ? Problem.NotFound("Not found.", $"Petition {petitionId} has not been routed (it is unknown, or its registration has not reached routing yet).")
            : TypedResults.Ok(PetitionRoutingResponse.From(request, decisions));
    }

    private static async Task<Results<Ok<PetitionRoutingResponse>, ValidationProblem, ProblemHttpResult>> RerouteAsync(
        Guid petitionId, HttpRequest http, Caller caller, RoutingAccess access, RoutingDbContext db, DirectoryCache directories, TimeProvider time,
        AuditTrail audit, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<RerouteRequest>(http, "A JSON object { toOrgId, reason, by } is required.", ct);
        if (problem is not null)
        {
            return problem;
        }

        var directory = await directories.GetAsync(db, ct);
        var errors = Validate(body, directory);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var request = await db.RoutingRequests.SingleOrDefaultAsync(r => r.PetitionId == petitionId, ct);
        var history = await db.HistoryAsync(petitionId, ct);
        if (request is null || history.Count == 0 || !await access.CanReadAsync(caller, petitionId, ct))
        {
            return Problem.NotFound("Not found.", $"Petition {petitionId} has not been routed, so it cannot be rerouted.");
        }

        if (await db.Terminations.AnyAsync(t => t.PetitionId == petitionId, ct))
        {
            return Problem.Conflict("The petition's matter is terminated (终结): it is not routed again.");
        }

        // The decider decides in its own name: 'by' is the caller's organisation.
        if (!caller.Is(body!.By))
        {
            return Problem.Forbidden($"This client decides as '{caller.Org}', not as '{body.By}'.", "by");
        }

        var to = directory.FindOrganization(body!.ToOrgId!)!;
        var by = directory.FindOrganization(body.By!)!;
        var latest = history[^1];
        var (route, refusal) = RerouteRules.Decide(latest.ToRoute(directory), request.AwaitingDecisionBy, to, by, body.Reason!.Trim());
        if (route is null)
        {
            return Problem.Conflict(refusal!);
        }

        var now = time.GetUtcNow();
        db.Record(request, latest.Attempt + 1, route, by.Id, now, time, audit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException
            || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problem.Conflict("Another decision about this petition was made at the same moment; read it and decide again.");
        }

        return TypedResults.Ok(PetitionRoutingResponse.From(request, await db.HistoryAsync(petitionId, ct)));
    }

    private static Dictionary<string, string[]> Validate(RerouteRequest body, OrgDirectory directory)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.ToOrgId))
        {
            errors["toOrgId"] = ["The unit that is to handle the matter is required."];
        }
        else if (directory.FindOrganization(body.ToOrgId) is null)
        {
            errors["toOrgId"] = [$"'{body.ToOrgId}' is not a unit of the directory."];
        }

        if (string.IsNullOrWhiteSpace(body.By))
        {
            errors["by"] = ["The deciding unit is required."];
        }
        else if (directory.FindOrganization(body.By) is null)
        {
            errors["by"] = [$"'{body.By}' is not a unit of the directory."];
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            errors["reason"] = ["The reason for the decision is required: it is part of the record."];
        }
        else if (body.Reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"At most {MaxReasonLength:N0} characters."];
        }

        return errors;
    }
}
