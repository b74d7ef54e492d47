using System.Security.Claims;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PetitionPlatform.Identity.Clients;
using PetitionPlatform.ServiceDefaults.Access;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PetitionPlatform.Identity.Api;

/// <summary>
/// <c>POST /connect/token</c> (API.md, Signing in): OpenIddict has already checked the request and the client's
/// secret; this issues the access token: the client as subject, its organisation and roles as the directory and the
/// operators registered them, for the platform's audience.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, ClientRegistry clients, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The token endpoint was reached without OpenIddict's request.");
        if (!request.IsClientCredentialsGrantType() || await clients.FindAsync(request.ClientId!, ct) is not { } client)
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.DisplayName ?? client.ClientId)
            .SetClaim(PlatformClaims.OrgId, client.OrgId)
            .SetClaims(Claims.Role, [.. client.Roles]);
        identity.SetAudiences(PlatformClaims.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
