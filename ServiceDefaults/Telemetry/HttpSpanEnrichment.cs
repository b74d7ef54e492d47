using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;

namespace PetitionPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// What the HTTP instrumentation records beyond its defaults, and what it must not record: petition endpoints tag
/// their server span with the petition and unit from the route or query; paths carrying a query code are redacted.
/// </summary>
internal static class HttpSpanEnrichment
{
    private const string UrlPath = "url.path";
    private const string UrlFull = "url.full";

    public static void Configure(AspNetCoreTraceInstrumentationOptions options)
    {
        options.EnrichWithHttpRequest = (activity, request) =>
        {
            if (TelemetryRedaction.IsTrackPath(request.Path))
            {
                activity.SetTag(UrlPath, TelemetryRedaction.RedactPath(request.Path.Value ?? ""));
            }
        };

        // Route values exist only once routing ran, so the petition is read when the response is complete.
        options.EnrichWithHttpResponse = (activity, response) => TagPetitionRoute(activity, response.HttpContext);
    }

    public static void Configure(HttpClientTraceInstrumentationOptions options) =>
        options.EnrichWithHttpRequestMessage = (activity, request) =>
        {
            if (TelemetryRedaction.RedactUrl(request.RequestUri) is { } redacted)
            {
                activity.SetTag(UrlFull, redacted);
            }
        };

    internal static void TagPetitionRoute(Activity activity, HttpContext context)
    {
        var petitionId = context.GetRouteValue("petitionId") is { } value && Guid.TryParse(value.ToString(), out var id) ? id : (Guid?)null;
        var orgId = context.GetRouteValue("orgId")?.ToString() ?? (context.Request.Query.TryGetValue("orgId", out var query) ? query.ToString() : null);
        PetitionAttributes.Tag(activity, petitionId, orgId);
    }
}
