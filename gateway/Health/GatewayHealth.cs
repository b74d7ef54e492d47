using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Gateway.Health;

internal static class GatewayHealth
{
    /// <summary>
    /// <c>GET /health</c>: 200 only when every service behind the gateway reports healthy, else 503, with each
    /// service's status. Anyone may ask (load balancers, monitors have no token); only an <c>operator</c> token also
    /// sees each service's own checks and errors, which name the platform's insides. <c>/alive</c> is the gateway
    /// process alone.
    /// </summary>
    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        app.MapGet("/health", async (HttpContext http, ServiceHealthProbe probe, CancellationToken ct) =>
        {
            var services = await probe.ProbeAsync(ct);
            var healthy = services.Count > 0 && services.Values.All(s => s.Status == "Healthy");
            var status = healthy ? "Healthy" : "Unhealthy";
            var code = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            return http.User.IsInRole(AccessRoles.Operator)
                ? (IResult)TypedResults.Json(new { status, services }, statusCode: code)
                : TypedResults.Json(new { status, services = services.ToDictionary(s => s.Key, s => new { status = s.Value.Status }) }, statusCode: code);
        }).ExcludeFromDescription();
        app.MapGet("/alive", () => TypedResults.Ok(new { status = "Healthy" })).ExcludeFromDescription();
        return app;
    }
}
