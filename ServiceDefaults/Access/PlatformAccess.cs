using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PetitionPlatform.ServiceDefaults.Access;

/// <summary>A service's access checks: tokens validated here (<see cref="PlatformAuthentication"/>), and no endpoint without a rule.</summary>
public static class PlatformAccess
{
    public static IHostApplicationBuilder AddPlatformAccess(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformAuthentication();
        // An endpoint that names no rule still needs a signed-in client of some organisation.
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().RequireClaim(PlatformClaims.OrgId).Build());
        return builder;
    }

    public static WebApplication UsePlatformAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
