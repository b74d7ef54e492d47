using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using PetitionPlatform.IntegrationTests.Identity;
using PetitionPlatform.ServiceDefaults.Access;

namespace PetitionPlatform.IntegrationTests.Access;

/// <summary>
/// The two bad tokens of the matrix, each with the claims of a real client (the lead unit): one signed by the token
/// service's own key but expired long ago, one signed by a key the platform never had under the real key's id, valid
/// for decades so that only its signature can be what refuses it. Fixed dates: the same tokens on any day the tests run.
/// </summary>
internal static class MatrixTokens
{
    private static readonly DateTime s_longAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_farAhead = new(2099, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public static string Expired(TokenService tokens)
    {
        var signing = tokens.Identity.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials
            .OrderByDescending(c => (c.Key as X509SecurityKey)?.Certificate.NotAfter)
            .First();
        return Mint(signing, issuedAt: s_longAgo, expires: s_longAgo.AddHours(1));
    }

    public static string Forged(TokenService tokens)
    {
        var real = tokens.Identity.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];
        var impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = real.Key.KeyId };
        return Mint(new SigningCredentials(impostor, SecurityAlgorithms.RsaSha256), issuedAt: s_longAgo, expires: s_farAhead);
    }

    private static string Mint(SigningCredentials signing, DateTime issuedAt, DateTime expires) => new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor
        {
            Issuer = PlatformClaims.DefaultIssuer,
            Audience = PlatformClaims.Audience,
            TokenType = "at+jwt",
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = signing,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = MatrixCallers.Lead.ClientId!,
                [PlatformClaims.OrgId] = MatrixCallers.Lead.ClientId!,
                [PlatformClaims.Role] = new[] { AccessRoles.Unit, AccessRoles.Reviewer },
            },
        });
}
