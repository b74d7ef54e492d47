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
/// service's own key but expired an hour ago, one signed by a key the platform never had under the real key's id.
/// </summary>
internal static class MatrixTokens
{
    public static string Expired(TokenService tokens)
    {
        var signing = tokens.Identity.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials
            .OrderByDescending(c => (c.Key as X509SecurityKey)?.Certificate.NotAfter)
            .First();
        var now = DateTime.UtcNow;
        return Mint(signing, issuedAt: now.AddHours(-2), expires: now.AddHours(-1));
    }

    public static string Forged(TokenService tokens)
    {
        var real = tokens.Identity.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];
        var impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = real.Key.KeyId };
        var now = DateTime.UtcNow;
        return Mint(new SigningCredentials(impostor, SecurityAlgorithms.RsaSha256), issuedAt: now, expires: now.AddHours(1));
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
