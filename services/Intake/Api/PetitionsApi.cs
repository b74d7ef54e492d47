using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Intake.Data;
using PetitionPlatform.Intake.Directory;
using PetitionPlatform.Intake.PersonalData;
using PetitionPlatform.Intake.Registration;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Intake.Api;

public static class PetitionsApi
{
    private const int MaxIdempotencyKeyLength = 200;
    private const string InvalidTitle = "The petition cannot be registered as sent.";

    public static IEndpointRouteBuilder MapPetitionsApi(this IEndpointRouteBuilder app)
    {
        var petitions = app.MapGroup("/api/intake/petitions").WithTags("Petitions");
        petitions.MapPost("/", RegisterAsync)
            .Accepts<RegisterPetitionRequest>("application/json")
            .WithSummary("Register a petition from any channel");
        petitions.MapGet("/{petitionId:guid}", GetAsync)
            .WithSummary("The registration record of a petition");
        return app;
    }

    private static async Task<Results<Accepted<PetitionAccepted>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        HttpRequest http,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
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

        try
        {
            errors = await directoryChecks.ValidateAsync(request, ct);
        }
        catch (DirectoryUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The directory cannot be consulted right now; nothing was registered.",
                detail: "Region, receiving unit and topic are checked against routing's directory before registration. Retry shortly.");
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

    private static async Task<Results<Ok<PetitionRecord>, NotFound>> GetAsync(
        Guid petitionId, IntakeDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var petition = await db.Petitions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == petitionId, ct);
        return petition is null ? TypedResults.NotFound() : TypedResults.Ok(PetitionRecord.From(petition, protector));
    }
}
