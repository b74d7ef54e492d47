using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Contracts;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Directory;
using PetitionPlatform.Intake.Handlers;
using PetitionPlatform.Intake.PersonalData;
using PetitionPlatform.Intake.Registration;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Intake.Api;

public static class PetitionsApi
{
    private const int MaxIdempotencyKeyLength = 200;
    private const string InvalidTitle = "The petition cannot be registered as sent.";

    public static IEndpointRouteBuilder MapPetitionsApi(this IEndpointRouteBuilder app)
    {
        var petitions = app.MapGroup("/api/intake/petitions").WithTags("Petitions");
        // A bureau registers what reached its door; a portal, the hotline or a QR-code service on a citizen's behalf.
        petitions.MapPost("/", RegisterAsync).RequireRoles(AccessRoles.Bureau, AccessRoles.Portal)
            .Accepts<RegisterPetitionRequest>("application/json")
            .WithSummary("Register a petition from any channel");
        petitions.MapGet("/{petitionId:guid}", GetAsync)
            .WithSummary("The registration record of a petition, personal data masked");
        petitions.MapGet("/{petitionId:guid}/personal-data", GetPersonalDataAsync)
            .WithSummary("The petitioner's personal data in clear, for the registering bureau and the units handling the case; audited");
        return app;
    }

    private static async Task<Results<Accepted<PetitionAccepted>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        HttpRequest http,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        Caller caller,
        PetitionRegistrar registrar,
        DirectoryChecks directoryChecks,
        CancellationToken ct)
    {
        if (idempotencyKey is { Length: 0 or > MaxIdempotencyKeyLength })
        {
            return Problem.Invalid("Idempotency-Key", $"The key has 1 to {MaxIdempotencyKeyLength} characters.", InvalidTitle);
        }

        if (!http.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The petition must be sent as application/json.");
        }

        var (request, problem) = await JsonBody.ReadAsync<RegisterPetitionRequest>(http, "A JSON object with the petition is required.", ct, InvalidTitle);
        if (problem is not null)
        {
            return problem;
        }

        var errors = RegistrationValidator.Validate(request);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors, InvalidTitle);
        }

        // A bureau's client registers in its own organisation's name only (the contract); a portal names the bureau.
        if (!caller.Has(AccessRoles.Portal))
        {
            if (request.ReceivedBy is null)
            {
                request = request with { ReceivedBy = caller.Org.ToString() };
            }
            else if (!caller.Is(request.ReceivedBy))
            {
                return Problem.Forbidden($"This client registers petitions received by '{caller.Org}', not by '{request.ReceivedBy}'.", "receivedBy");
            }
        }

        try
        {
            errors = await directoryChecks.ValidateAsync(request, ct);
        }
        catch (DirectoryUnavailableException)
        {
            // The same request, with its Idempotency-Key, will succeed once routing answers.
            return Problem.Unavailable("The directory cannot be consulted right now; nothing was registered.",
                "Region, receiving unit and topic are checked against routing's directory before registration. Retry shortly.");
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors, InvalidTitle);
        }

        return await registrar.RegisterAsync(request, idempotencyKey, ct) switch
        {
            RegistrationResult.Registered registered => TypedResults.Accepted(
                $"/api/intake/petitions/{registered.Answer.PetitionId}", registered.Answer),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "This Idempotency-Key was already used for a different petition.",
                detail: "Use a new key for a new petition, or repeat the original request unchanged."),
        };
    }

    /// <summary>
    /// The record, for those <see cref="PersonalDataAccess"/> lets read it; anyone else is answered as if there were no
    /// such petition.
    /// </summary>
    private static async Task<Results<Ok<PetitionRecord>, NotFound>> GetAsync(
        Guid petitionId, Caller caller, PersonalDataAccess access, IntakeDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var petition = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == petitionId, ct);
        return petition is not null && await access.MayReadAsync(caller, petition, ct)
            ? TypedResults.Ok(PetitionRecord.From(petition, protector))
            : TypedResults.NotFound();
    }

    /// <summary>
    /// The petitioner in clear. The audit entry is committed before the data is answered: a read that cannot be recorded
    /// does not happen. A reader of the record who may not see it in clear (a bureau over the region) gets 403.
    /// </summary>
    private static async Task<Results<Ok<PersonalDataRecord>, NotFound, ProblemHttpResult>> GetPersonalDataAsync(
        Guid petitionId, Caller caller, PersonalDataAccess access, IntakeDbContext db, PersonalDataProtector protector, AuditTrail audit,
        CancellationToken ct)
    {
        var petition = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == petitionId, ct);
        if (petition is null || !await access.MayReadAsync(caller, petition, ct))
        {
            return TypedResults.NotFound();
        }

        if (!await access.MayReadInClearAsync(caller, petition, ct))
        {
            return Problem.Forbidden(
                "Personal data in clear is for the bureau that registered the petition and the units handling its case; the record shows it masked.");
        }

        audit.Record(AuditActions.PersonalDataRead, petition.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PersonalDataRecord.From(petition, protector));
    }
}
