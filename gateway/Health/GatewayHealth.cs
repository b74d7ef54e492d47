using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Gateway.Health;

internal static class GatewayHealth
{
    /// <summary>
    /// <c>GET /health</c>: <c>Healthy</c> when every service behind the gateway is; <c>Degraded</c> (still 200: the
    /// platform takes requests, their events wait) when one is degraded, as a service without its broker is;
    /// <c>Unhealthy</c> with 503 when one is unhealthy or does not answer; with each service's status. Anyone may ask (load balancers, monitors have no token); only an <c>operator</c> token also
    /// sees each service's own checks and errors, which name the platform's insides. <c>/alive</c> is the gateway
    /// process alone.
    /// </summary>
    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        app.MapGet("/health", async (HttpContext http, ServiceHealthProbe probe, CancellationToken ct) =>
        {
            var services = await probe.ProbeAsync(ct);
            var status = services.Count == 0 || services.Values.Any(s => s.Status == "Unhealthy") ? "Unhealthy"
                : services.Values.Any(s => s.Status == "Degraded") ? "Degraded"
                : "Healthy";
            var code = status == "Unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            return http.User.IsInRole(AccessRoles.Operator)
                ? (IResult)TypedResults.Json(new { status, services }, statusCode: code)
                : TypedResults.Json(new { status, services = services.ToDictionary(s => s.Key, s => new { status = s.Value.Status }) }, statusCode: code);
        }).ExcludeFromDescription();
        app.MapGet("/alive", () => TypedResults.Ok(new { status = "Healthy" })).ExcludeFromDescription();
        return app;
    }
}
