using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.ServiceDefaults.ApiDocuments;

/// <summary>
/// Marks each operation that needs a token with the schemes of <see cref="SignInSchemes"/>, read from the same endpoint
/// metadata the authorization middleware reads, so the document cannot say otherwise than the service does. An
/// operation open to petitioners carries no requirement: a generated client or the interactive page sends no token.
/// </summary>
public sealed class TokenRequirements(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var fallbackPolicy = await policies.GetFallbackPolicyAsync() is not null;
        if (!NeedsToken(context.Description.ActionDescriptor.EndpointMetadata, fallbackPolicy))
        {
            return;
        }

        // Two requirements are alternatives: a token from the client-credentials flow, or one sent as it is.
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SignInSchemes.OAuth2, context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SignInSchemes.Bearer, context.Document)] = [] });
    }

    /// <summary>
    /// Whether a caller from outside needs a token for an endpoint with this metadata: yes when the gateway asks for
    /// one although the service does not (<see cref="TokenAtGateway"/>); no when the endpoint allows anonymous callers
    /// (which wins over any policy, as in the authorization middleware); otherwise yes when it names a policy or the
    /// service has a fallback policy (every platform service's requires a signed-in client, <see cref="PlatformAccess"/>).
    /// </summary>
    public static bool NeedsToken(IEnumerable<object> endpointMetadata, bool fallbackPolicy)
    {
        var metadata = endpointMetadata.ToList();
        if (metadata.OfType<TokenAtGateway>().Any())
        {
            return true;
        }

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return false;
        }

        return fallbackPolicy || metadata.Any(item => item is IAuthorizeData or AuthorizationPolicy or IAuthorizationRequirementData);
    }
}
