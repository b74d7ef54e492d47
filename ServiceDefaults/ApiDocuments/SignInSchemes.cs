using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.ServiceDefaults.ApiDocuments;

/// <summary>
/// Declares in every API document how a client signs in: OAuth 2.0 client credentials at the gateway's token endpoint
/// (what a generated client or the interactive page uses to get a token itself), or a bearer token already obtained
/// (pasted from <c>eng/token.sh</c> or a script). Which operations need one is <see cref="TokenRequirements"/>.
/// </summary>
public sealed class SignInSchemes : IOpenApiDocumentTransformer
{
    /// <summary>The OAuth 2.0 scheme's name in the documents, which the interactive page refers to.</summary>
    public const string OAuth2 = "oauth2";

    /// <summary>The scheme of a token sent as it is, for callers who got it elsewhere.</summary>
    public const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OAuth2] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Your organisation's client credentials (client_id, client_secret), exchanged for a 10-minute "
                + $"access token at {PlatformAuthentication.TokenPath}, which the platform's gateway serves "
                + "(form-encoded, grant_type=client_credentials). What a client may do follows from its organisation "
                + "and roles (ACCESS.md).",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    // Relative on purpose: resolved against the document's server, which is the gateway for every
                    // document agencies read (the gateway serves them with itself as the server).
                    TokenUrl = new Uri(PlatformAuthentication.TokenPath, UriKind.Relative),
                    // Access is decided by roles in the token, not by scopes; the field is required, so it is empty.
                    Scopes = new Dictionary<string, string>(),
                },
            },
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = $"An access token of {PlatformAuthentication.TokenPath}, sent as 'Authorization: Bearer <token>'.",
        };
        return Task.CompletedTask;
    }
}
