using Microsoft.AspNetCore.Http.HttpResults;

namespace PetitionPlatform.Routing.Api;

/// <summary>The RFC 9457 answers routing gives, worded once.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed in the petition's current state.", detail: detail);

    public static ValidationProblem Invalid(string field, string message) => Invalid(new() { [field] = [message] });

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request cannot be processed as sent.");
}
