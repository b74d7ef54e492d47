using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.ServiceDefaults.ApiDocuments;

/// <summary>How an outside caller uses a token on an operation, as its document states it.</summary>
public enum TokenUse
{
    /// <summary>Open to petitioners, who have none; a token changes nothing.</summary>
    None,

    /// <summary>Open to petitioners, and a client's token opens more (a unit's own messages).</summary>
    Optional,

    /// <summary>Refused without one, by the service or by the gateway.</summary>
    Required,
}

/// <summary>
/// Marks each operation's token use with the schemes of <see cref="SignInSchemes"/>, read from the same endpoint
/// metadata the authorization middleware reads, so the document cannot say otherwise than the service does. An
/// operation open to petitioners carries no requirement, so a generated client or the interactive page sends no token.
/// </summary>
public sealed class TokenRequirements(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var fallbackPolicy = await policies.GetFallbackPolicyAsync() is not null;
        var use = TokenUseOf(context.Description.ActionDescriptor.EndpointMetadata, fallbackPolicy);
        if (use == TokenUse.None)
        {
            return;
        }

        // Requirements are alternatives: an empty one means "no token at all", the others a token from the
        // client-credentials flow or one sent as it is.
        operation.Security ??= [];
        if (use == TokenUse.Optional)
        {
            operation.Security.Add(new OpenApiSecurityRequirement());
        }

        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SignInSchemes.OAuth2, context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SignInSchemes.Bearer, context.Document)] = [] });
    }

    /// <summary>
    /// How a caller from outside uses a token on an endpoint with this metadata. Required when the gateway asks for one
    /// although the service does not (<see cref="TokenAtGateway"/>). For an endpoint that allows anonymous callers
    /// (which wins over any policy, as in the authorization middleware): optional when its handler also reads the
    /// signed-in client (<see cref="Caller"/>), else none. Otherwise required when it names a policy or the service has
    /// a fallback policy (every platform service's requires a signed-in client, <see cref="PlatformAccess"/>).
    /// </summary>
    public static TokenUse TokenUseOf(IEnumerable<object> endpointMetadata, bool fallbackPolicy)
    {
        var metadata = endpointMetadata.ToList();
        if (metadata.OfType<TokenAtGateway>().Any())
        {
            return TokenUse.Required;
        }

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            var readsCaller = metadata.OfType<MethodInfo>().Any(handler => handler.GetParameters()
                .Any(parameter => parameter.ParameterType == typeof(Caller)));
            return readsCaller ? TokenUse.Optional : TokenUse.None;
        }

        return fallbackPolicy || metadata.Any(item => item is IAuthorizeData or AuthorizationPolicy or IAuthorizationRequirementData)
            ? TokenUse.Required
            : TokenUse.None;
    }
}
