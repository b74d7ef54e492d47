using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PetitionPlatform.Contracts;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Data;
using PetitionPlatform.Routing.Domain;
using PetitionPlatform.ServiceDefaults.Problems;

using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Routing.Api;

/// <summary>
/// Termination records of the political-legal organs (涉法涉诉信访事项依法终结): a court, procuratorate or public
/// security organ concludes a matter it handled in its procedure. Routing keeps the record and announces
/// PetitionTerminated in the same transaction; handling then refuses any further review of the petition.
/// </summary>
public static class TerminationsApi
{
    private const int MaxReasonLength = 2000;
    private const int MaxRecordNumberLength = 100;

    public static IEndpointRouteBuilder MapTerminationsApi(this IEndpointRouteBuilder app)
    {
        var terminations = app.MapGroup("/api/routing/terminations").WithTags("Terminations");
        terminations.MapPost("/", RecordAsync).RequireRoles(AccessRoles.PoliticalLegal)
            .Accepts<TerminationRequest>("application/json")
            .WithSummary("A political-legal organ records that a petition's matter is concluded");
        terminations.MapGet("/{petitionId:guid}", GetAsync).WithSummary("A petition's termination, if it has one");
        return app;
    }

    private static async Task<Results<Ok<TerminationResponse>, ProblemHttpResult>> GetAsync(
        Guid petitionId, Caller caller, RoutingAccess access, RoutingDbContext db, CancellationToken ct)
    {
        var termination = await db.Terminations.AsNoTracking().SingleOrDefaultAsync(t => t.PetitionId == petitionId, ct);
        return termination is null || !(caller.Is(termination.OrgId) || await access.CanReadAsync(caller, petitionId, ct))
            ? Problem.NotFound("Not found.", $"Petition {petitionId} has not been terminated.")
            : TypedResults.Ok(TerminationResponse.From(termination));
    }

    private static async Task<Results<Created<TerminationResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        HttpRequest http, Caller caller, RoutingAccess access, RoutingDbContext db, DirectoryCache directories, TimeProvider time, AuditTrail audit,
        CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<TerminationRequest>(
            http, "A JSON object { petitionId, orgId, recordNumber, reason } is required.", ct);
        if (problem is not null)
        {
            return problem;
        }

        var directory = await directories.GetAsync(db, ct);
        var errors = Validate(body, directory, out var petitionId);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        // The organ records in its own name, for a matter of its region; other matters do not exist for it.
        if (!caller.Is(body!.OrgId))
        {
            return Problem.Forbidden($"This client records terminations as '{caller.Org}', not as '{body.OrgId}'.", "orgId");
        }

        if (!await db.RoutingRequests.AnyAsync(r => r.PetitionId == petitionId, ct) || !await access.MayTerminateAsync(caller, petitionId, ct))
        {
            return Problem.NotFound("Not found.", $"Routing knows no petition {petitionId}, so it cannot record its termination.");
        }

        if (await db.Terminations.AsNoTracking().SingleOrDefaultAsync(t => t.PetitionId == petitionId, ct) is { } earlier)
        {
            return Problem.Conflict(AlreadyTerminated(earlier));
        }

        var now = time.GetUtcNow();
        var termination = new Termination
        {
            PetitionId = petitionId,
            OrgId = body!.OrgId!,
            Kind = TerminationReasons.PoliticalLegal,
            RecordNumber = body.RecordNumber!.Trim(),
            Reason = body.Reason!.Trim(),
            TerminatedAt = now,
        };
        db.Terminations.Add(termination);
        db.AddToOutbox(new PetitionTerminated(petitionId, termination.OrgId, TerminationReasons.PoliticalLegal, null, termination.RecordNumber, now), time);
        audit.Record(AuditActions.PetitionTerminated, petitionId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problem.Conflict("The petition was terminated at the same moment by another record; read it with GET.");
        }

        return TypedResults.Created($"/api/routing/terminations/{petitionId}", TerminationResponse.From(termination));
    }

    private static string AlreadyTerminated(Termination earlier) => earlier.Kind == TerminationReasons.PoliticalLegal
        ? $"The petition was already terminated by {earlier.OrgId} (record {earlier.RecordNumber}) at {earlier.TerminatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-ddTHH:mm:sszzz}."
        : $"The petition was already terminated: the re-review by {earlier.OrgId} was answered at {earlier.TerminatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-ddTHH:mm:sszzz}.";

    private static Dictionary<string, string[]> Validate(TerminationRequest body, OrgDirectory directory, out Guid petitionId)
    {
        petitionId = Guid.Empty;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.PetitionId))
        {
            errors["petitionId"] = ["The petition whose matter is concluded is required."];
        }
        else if (!Guid.TryParse(body.PetitionId, out petitionId))
        {
            errors["petitionId"] = ["A petition id is a UUID, as intake's receipt gives it."];
        }

        if (string.IsNullOrWhiteSpace(body.OrgId))
        {
            errors["orgId"] = ["The political-legal organ that concluded the matter is required."];
        }
        else if (directory.FindOrganization(body.OrgId) is not { } organ)
        {
            errors["orgId"] = [$"'{body.OrgId}' is not a unit of the directory."];
        }
        else if (!PoliticalLegalOrgans.Includes(organ))
        {
            errors["orgId"] = [$"'{body.OrgId}' is not a political-legal organ: only a {string.Join(", ", Units.PoliticalLegal)} records terminations."];
        }

        if (string.IsNullOrWhiteSpace(body.RecordNumber))
        {
            errors["recordNumber"] = ["The organ's record number is required: it is what the termination rests on."];
        }
        else if (body.RecordNumber.Length > MaxRecordNumberLength)
        {
            errors["recordNumber"] = [$"At most {MaxRecordNumberLength:N0} characters."];
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            errors["reason"] = ["The reason is required: it is part of the record."];
        }
        else if (body.Reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"At most {MaxReasonLength:N0} characters."];
        }

        return errors;
    }
}

/// <summary>The body of a termination record; all fields nullable so that a missing one is named in the 400.</summary>
public sealed record TerminationRequest(string? PetitionId, string? OrgId, string? RecordNumber, string? Reason);

public sealed record TerminationResponse(
    string PetitionId, string OrgId, string Kind, string? RecordNumber, string? Reason, DateTimeOffset TerminatedAt)
{
    public static TerminationResponse From(Termination t) =>
        new(t.PetitionId.ToString(), t.OrgId, t.Kind, t.RecordNumber, t.Reason, t.TerminatedAt.ToOffset(TimeSpan.FromHours(8)));
}
