using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PetitionPlatform.ServiceDefaults.Problems;

/// <summary>
/// The RFC 9457 answers the services give, worded once. A request that cannot be carried out as sent is a validation
/// problem whose <c>errors</c> map names each offending field (API.md), so an agency fixes it in one round trip.
/// </summary>
public static class Problem
{
    public const string InvalidTitle = "The request cannot be carried out as sent.";

    public static ValidationProblem Invalid(string field, string message, string title = InvalidTitle) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string title = InvalidTitle) =>
        TypedResults.ValidationProblem(errors, title: title);

    public static ProblemHttpResult NotFound(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public const string ForbiddenTitle = "Not allowed for this client.";

    /// <summary>
    /// 403 (ACCESS.md rule 1): says what the caller lacks, never what exists. With <paramref name="field"/>, the same
    /// <c>errors</c> shape as a 400 names the field that spoke for another organisation.
    /// </summary>
    public static ProblemHttpResult Forbidden(string detail, string? field = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: ForbiddenTitle, detail: detail,
        extensions: field is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    /// <summary>Seconds a client should wait before it sends a request refused with 503 again: about a restart of a database or a service.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// 503: the request was fine but something it needs (the database, the directory, another service) cannot be
    /// reached now; nothing was changed and the same request will succeed later. <see cref="RetryAfterOnUnavailable"/>
    /// adds the <c>Retry-After</c> to every 503, this one included.
    /// </summary>
    public static ProblemHttpResult Unavailable(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);

    /// <summary>What the state of the matter or the law does not allow now (API.md: 409 with the reason).</summary>
    public static ProblemHttpResult Conflict(string detail, string title = "Not allowed in the matter's current state.") =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
