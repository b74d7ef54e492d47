using Microsoft.AspNetCore.Http.HttpResults;

namespace PetitionPlatform.Supervision.Api;

/// <summary>The problems (RFC 9457) supervision answers with, worded once.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(string field, string message, string title = "The request is not valid.") =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title);

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.");

    public static ProblemHttpResult UnknownPetition() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Supervision knows no petition with this id.",
        detail: "Either the id is wrong or the petition's registration has not reached supervision yet.");
}
