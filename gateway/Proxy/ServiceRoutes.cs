using Microsoft.AspNetCore.Http.Features;
using PetitionPlatform.Gateway.Access;
using Yarp.ReverseProxy.Forwarder;

namespace PetitionPlatform.Gateway.Proxy;

internal static class ServiceRoutes
{
    /// <summary>
    /// The proxied routes of <c>ReverseProxy</c> in configuration, a problem document whenever a service cannot
    /// answer, and a 404 problem for any path that is not a route.
    /// </summary>
    public static WebApplication MapServiceRoutes(this WebApplication app)
    {
        app.MapReverseProxy(proxy => proxy.Use(async (context, next) =>
        {
            await next();
            var error = context.GetForwarderErrorFeature();
            if (error is not null && !context.Response.HasStarted)
            {
                await WriteUnavailableAsync(context, error.Error);
            }
        })).RequireAuthorization(GatewayAccess.CallerPolicy);

        app.MapFallback((HttpContext context) => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No such route.",
            detail: $"'{context.Request.Path}' is not part of the public API. Services are under /api/intake, /api/routing, " +
                    "/api/handling, /api/supervision, /api/track, /api/notifications, /api/identity and /api/audit; tokens at /connect/token; " +
                    "their documents at /openapi/<service>.json."));
        return app;
    }

    private static Task WriteUnavailableAsync(HttpContext context, ForwarderError error)
    {
        var cluster = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        var (status, title) = error switch
        {
            ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, $"The {cluster} service did not answer in time."),
            ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled => (StatusCodes.Status400BadRequest, "The request was cut off by the client."),
            ForwarderError.NoAvailableDestinations or ForwarderError.Request => (StatusCodes.Status503ServiceUnavailable, $"The {cluster} service is unavailable."),
            _ => (StatusCodes.Status502BadGateway, $"The {cluster} service failed to answer."),
        };
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { MaxRequestBodySize: { } limit } && context.Request.ContentLength > limit)
        {
            (status, title) = (StatusCodes.Status413PayloadTooLarge, $"The request body exceeds {limit:N0} bytes.");
        }

        context.Response.Clear();
        return TypedResults.Problem(statusCode: status, title: title,
            detail: "Retry later; if it persists, quote the X-Trace-Id of this response to operations.").ExecuteAsync(context);
    }
}
