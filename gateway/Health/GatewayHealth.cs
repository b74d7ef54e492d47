namespace PetitionPlatform.Gateway.Health;

internal static class GatewayHealth
{
    /// <summary>
    /// <c>GET /health</c>: 200 only when every service behind the gateway reports healthy, else 503; each service
    /// is listed with its own checks so the failing dependency is visible at a glance. <c>/alive</c> is the
    /// gateway process alone.
    /// </summary>
    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        app.MapGet("/health", async (ServiceHealthProbe probe, CancellationToken ct) =>
        {
            var services = await probe.ProbeAsync(ct);
            var healthy = services.Count > 0 && services.Values.All(s => s.Status == "Healthy");
            return TypedResults.Json(
                new { status = healthy ? "Healthy" : "Unhealthy", services },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
        app.MapGet("/alive", () => TypedResults.Ok(new { status = "Healthy" })).ExcludeFromDescription();
        return app;
    }
}
