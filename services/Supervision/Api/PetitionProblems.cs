using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.Supervision.Api;

/// <summary>How supervision answers for a petition id it cannot use, worded once for every endpoint that takes one.</summary>
internal static class PetitionProblems
{
    public static ValidationProblem Malformed() =>
        Problem.Invalid("petitionId", "A petition id is a UUID, as intake returned it.", "The petition id is malformed.");

    public static ProblemHttpResult Unknown() => Problem.NotFound("Supervision knows no petition with this id.",
        "Either the id is wrong or the petition's registration has not reached supervision yet.");
}
