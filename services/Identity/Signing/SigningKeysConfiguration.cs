using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace PetitionPlatform.Identity.Signing;

/// <summary>
/// Gives OpenIddict this installation's keys each time its options are built: every key is published, and OpenIddict
/// signs with the valid certificate that expires last, so a successor signs once it is valid, with no restart.
/// </summary>
internal sealed class SigningKeysConfiguration(IServiceScopeFactory scopes) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        // Options are built synchronously; this runs once per refresh, not per request.
        var keys = scope.ServiceProvider.GetRequiredService<SigningKeyStore>().LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var certificate in keys)
        {
            options.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256));
        }
    }
}

/// <summary>Rebuilds OpenIddict's options every minute, so keys made by another instance or an operator are taken up.</summary>
internal sealed class SigningKeysRefresh(TimeProvider time) : IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public string? Name => Options.DefaultName;

    public Microsoft.Extensions.Primitives.IChangeToken GetChangeToken()
    {
        var expired = new CancellationTokenSource(Interval, time);
        return new Microsoft.Extensions.Primitives.CancellationChangeToken(expired.Token);
    }
}
