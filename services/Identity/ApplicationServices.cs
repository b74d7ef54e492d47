using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using PetitionPlatform.Data;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.Identity.Api;
using PetitionPlatform.Identity.Clients;
using PetitionPlatform.Identity.Data;
using PetitionPlatform.Identity.Signing;
using PetitionPlatform.Messaging;
using PetitionPlatform.Routing.Client;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.Identity;

internal static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>("identitydb");
        // No consumers: the outbox carries the audit entries of client and key changes to the trail.
        builder.AddMessaging("identity");
        builder.AddApiDocumentation();
        var section = builder.Configuration.GetSection(IdentityOptions.Section);
        builder.Services.Configure<IdentityOptions>(section);
        var options = section.Get<IdentityOptions>() ?? new IdentityOptions();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(options.Issuer);
                server.SetTokenEndpointUris("connect/token");
                server.AllowClientCredentialsFlow();
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                // Self-contained, signed (not encrypted) JWTs: every service validates them with the published keys alone.
                server.DisableAccessTokenEncryption();
                server.DisableTokenStorage();
                // Nothing is encrypted for client credentials, but OpenIddict requires a key; one per process will do.
                server.AddEphemeralEncryptionKey();
                // TLS ends in front of the platform (the gateway's host); services talk plain HTTP inside.
                server.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(PlatformClaims.Audience);
                validation.UseAspNetCore();
            });
        builder.Services.AddSingleton(new SigningKeySealing(KeyRing.FromConfiguration(builder.Configuration, SigningKeySealing.Section)));
        builder.Services.AddScoped<SigningKeyStore>();
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, SigningKeysConfiguration>();
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(services => services.GetRequiredService<SigningKeyRing>());
        // Before IdentityStartup and the server: the first request finds the keys loaded.
        builder.Services.AddHostedService<SigningKeysRefresh>();
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictValidationOptions>, ValidationKeysRefresh>();

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ClientsApi.OperatorPolicy, policy => policy.RequireRole(AccessRoles.Operator));

        builder.Services.AddScoped<ClientRegistry>();
        builder.Services.AddScoped<DemoClients>();
        builder.AddRoutingDirectory();
        builder.Services.AddHostedService<IdentityStartup>();
        return builder;
    }
}
