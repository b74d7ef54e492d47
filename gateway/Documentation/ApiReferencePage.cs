using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.ServiceDefaults.ApiDocuments;
using Scalar.AspNetCore;
using Yarp.ReverseProxy;

namespace PetitionPlatform.Gateway.Documentation;

/// <summary>
/// The interactive API page at <c>/scalar</c>, Development only: every service's document as the gateway serves it
/// (<see cref="ServiceDocuments"/>), signed in with a client's credentials at the gateway's token endpoint, so a
/// developer gets a token and tries any call from one page on one origin, the way an agency's system would.
/// </summary>
internal static class ApiReferencePage
{
    public static WebApplication MapApiReferencePage(this WebApplication app)
    {
        // Outside Development the documents stay (agencies generate clients from them); the page that sends calls does not.
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapScalarApiReference((page, http) =>
        {
            page.WithTitle("PetitionPlatform API")
                .WithOpenApiRoutePattern(ServiceDocuments.RoutePattern)
                .AddPreferredSecuritySchemes([SignInSchemes.OAuth2])
                // The secret goes in the form body, as README's "Connecting an agency" shows the token endpoint's use.
                .AddClientCredentialsFlow(SignInSchemes.OAuth2, flow => flow
                    .WithTokenUrl(PlatformAuthentication.TokenPath)
                    .WithCredentialsLocation(CredentialsLocation.Body));
            foreach (var service in ServiceDocuments.Services(http.RequestServices.GetRequiredService<IProxyStateLookup>()))
            {
                page.AddDocument(service, service);
            }
        }).AllowAnonymous();
        return app;
    }
}
