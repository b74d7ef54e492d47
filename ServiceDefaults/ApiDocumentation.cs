using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PetitionPlatform.ServiceDefaults.ApiDocuments;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class ApiDocumentation
{
    /// <summary>
    /// The service's OpenAPI document, declaring how clients sign in and which operations need a token; the gateway
    /// serves it to agencies with itself as the server (<c>gateway/Documentation</c>).
    /// </summary>
    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<SignInSchemes>();
            options.AddOperationTransformer<TokenRequirements>();
        });
        return builder;
    }

    /// <summary>
    /// The OpenAPI document at <c>/openapi/v1.json</c> always (agencies generate clients from it); the interactive
    /// Scalar page at <c>/scalar</c> in Development only. This page cannot get a token itself, the token endpoint being
    /// the gateway's: it takes one pasted as the bearer scheme (from <c>eng/token.sh</c>). The gateway's own page
    /// (<c>/scalar</c> there) signs in with client credentials and tries every service.
    /// </summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        // The description of the API is not the API: agencies read it before they have a client.
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(page => page.AddPreferredSecuritySchemes([SignInSchemes.Bearer])).AllowAnonymous();
        }

        return app;
    }
}
