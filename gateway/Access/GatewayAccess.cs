using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Gateway.Access;

/// <summary>
/// The gateway's share of ACCESS.md: every proxied call carries a valid token of the platform's token service, except
/// a petitioner's (<see cref="PetitionerRequests"/>); without one it is refused here with a 401 problem and never
/// reaches a service. Which role, organisation and region may do what is decided by each service, which validates the
/// forwarded token again. The API documents and page are not proxied calls and need no token
/// (<see cref="Documentation.ServiceDocuments"/>).
/// </summary>
internal static class GatewayAccess
{
    public const string CallerPolicy = "caller";

    public static IHostApplicationBuilder AddGatewayAccess(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformAuthentication();
        builder.Services.AddAuthorizationBuilder().AddPolicy(CallerPolicy, policy => policy.RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true
            || (context.Resource is HttpContext http && PetitionerRequests.NeedNoToken(http.Request))));
        return builder;
    }

    /// <summary>The caller behind a request: a client's id, or for petitioners and probes the address they call from.</summary>
    public static string CallerOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst("sub")?.Value is { } client
            ? "client:" + client
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
