using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class ApiDocumentation
{
    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// The OpenAPI document at <c>/openapi/v1.json</c> always (agencies generate clients from it); the interactive
    /// Scalar page at <c>/scalar</c> in Development only.
    /// </summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        // The description of the API is not the API: agencies read it before they have a client.
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }

        return app;
    }
}
