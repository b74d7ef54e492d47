using PetitionPlatform.Contracts;

namespace PetitionPlatform.Gateway.Access;

/// <summary>
/// The requests that need no token (API.md, "Signing in"): the token endpoint itself, and what a petitioner's query
/// code opens — the progress view, their own notifications, the evaluation and the review request. The services check
/// the code; the gateway only lets these through without a client.
/// </summary>
internal static class PetitionerRequests
{
    public static bool NeedNoToken(HttpRequest request)
    {
        var segments = request.Path.Value?.Trim('/').Split('/') ?? [];
        return segments switch
        {
            ["connect", "token"] => true,
            ["api", "track", _] => HttpMethods.IsGet(request.Method),
            // The same list answers units by organisation id; only a query code is the petitioner's.
            ["api", "notifications"] => HttpMethods.IsGet(request.Method) && TrackingCodes.IsWellFormed(request.Query["recipient"]),
            ["api", "handling", "cases", _, "evaluation" or "review-request"] => HttpMethods.IsPost(request.Method),
            _ => false,
        };
    }
}
