using Microsoft.AspNetCore.Http.HttpResults;
using PetitionPlatform.Contracts;
using PetitionPlatform.Supervision.Data;

using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Supervision.Api;

/// <summary>The petitioner's progress view, found by the query code alone (跟踪查询办理进度).</summary>
public static class TrackApi
{
    /// <summary>Real codes have 16 characters plus dashes; anything far longer is not worth hashing.</summary>
    private const int MaxCodeLength = 64;

    public static IEndpointRouteBuilder MapTrackApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/track").WithTags("Progress")
            .MapGet("/{trackingCode}", GetAsync).AllowPetitioners()
            .WithSummary("Where the petition stands, for the petitioner holding its query code");
        return app;
    }

    private static async Task<Results<Ok<TrackResponse>, ProblemHttpResult>> GetAsync(
        string trackingCode, LedgerStore ledger, TimeProvider time, CancellationToken ct)
    {
        // A malformed code is answered like an unknown one, so that the answer tells a guesser nothing about the format.
        if (trackingCode.Length <= MaxCodeLength
            && await ledger.PetitionByTrackingCodeAsync(TrackingCodes.Hash(trackingCode), ct) is { } petitionId
            && await ledger.ProgressAsync(petitionId, ct) is { } progress)
        {
            return TypedResults.Ok(TrackResponse.From(progress, time.GetUtcNow()));
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
            title: "No petition has this query code.",
            detail: "Check the code on the receipt; it has 16 letters and digits, the dashes are optional.");
    }
}
