using Microsoft.AspNetCore.Builder;

namespace PetitionPlatform.ServiceDefaults.Access;

/// <summary>
/// How an endpoint states who may call it, the same way in every service. Without one of these an endpoint still
/// needs a signed-in client (the fallback policy of <see cref="PlatformAccess"/>), so a new endpoint is never open by
/// mistake; the finer rules (organisation, region, the case's units, the report rule) are decided with the data.
/// </summary>
public static class EndpointAccess
{
    /// <summary>Any signed-in client holding one of <paramref name="roles"/>; others get a 403 problem.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder endpoint, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireClaim(PlatformClaims.OrgId).RequireRole(roles));

    /// <summary>Open to petitioners, who have no token: the query code in the request is their proof, checked by the endpoint.</summary>
    public static TBuilder AllowPetitioners<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AllowAnonymous();

    /// <summary>
    /// Open to the platform's own services without a token (reference data with no petition in it, decisions.md 34);
    /// from outside the gateway still asks for one, and the API documents say so (<see cref="TokenAtGateway"/>).
    /// </summary>
    public static TBuilder AllowPlatformServices<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AllowAnonymous().WithMetadata(TokenAtGateway.Instance);
}
