using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PetitionPlatform.ServiceDefaults.Access;

/// <summary>
/// How the gateway and every service check a caller's token: a JWT of the platform's token service, for the platform's
/// audience, signed with a key the token service publishes. Each process fetches those keys itself (ACCESS.md: a service
/// is never trusted because a call came through the gateway). Refusals are problem documents that say what is missing,
/// never what exists.
/// </summary>
public static class PlatformAuthentication
{
    /// <summary>The HTTP client that reads the token service's metadata and keys (service discovery resolves its issuer).</summary>
    public const string MetadataClient = "identity-metadata";

    /// <summary>Where a client gets a token, as refusals tell it.</summary>
    public const string TokenPath = "/connect/token";

    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration["Identity:Issuer"] ?? PlatformClaims.DefaultIssuer;
        builder.Services.AddHttpClient(MetadataClient);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = issuer;
            options.Audience = PlatformClaims.Audience;
            // Inside the platform services talk plain HTTP; TLS ends in front of the gateway.
            options.RequireHttpsMetadata = false;
            // Claims keep the names the token service gives them (sub, org_id, role), the names ACCESS.md's rules use.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "sub";
            options.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
            options.TokenValidationParameters.ValidTypes = ["at+jwt"];
            // A rotated key is published ten minutes before it signs: reading the keys every five minutes (TokenKeysRefresh,
            // whatever the traffic) knows it in time.
            options.AutomaticRefreshInterval = TimeSpan.FromMinutes(5);
            options.Events = new JwtBearerEvents
            {
                OnChallenge = context =>
                {
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
                        ? "Bearer"
                        : "Bearer error=\"invalid_token\"";
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status401Unauthorized,
                        title: context.AuthenticateFailure is null ? "A bearer token is required." : "The bearer token is not valid.",
                        detail: context.AuthenticateFailure is null
                            ? $"Get a token at {TokenPath} with your organisation's client credentials and send it as 'Authorization: Bearer <token>'."
                            : $"It is expired, or not issued by this platform's token service; get a new one at {TokenPath}.")
                        .ExecuteAsync(context.HttpContext);
                },
                OnForbidden = context => TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: Problems.Problem.ForbiddenTitle,
                    detail: "The client's role or organisation does not allow this request (ACCESS.md).")
                    .ExecuteAsync(context.HttpContext),
            };
        });
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((options, clients) => options.Backchannel = clients.CreateClient(MetadataClient));
        builder.Services.AddAuthorization();
        builder.Services.AddHostedService<TokenKeysRefresh>();
        return builder;
    }
}
