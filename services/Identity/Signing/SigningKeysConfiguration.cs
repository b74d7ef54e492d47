using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace PetitionPlatform.Identity.Signing;

/// <summary>
/// Gives OpenIddict this installation's keys each time its options are built (<see cref="SigningKeyRing"/> says when):
/// every key is published, and OpenIddict signs with the valid certificate that expires last, so a successor signs
/// once it is valid, with no restart.
/// </summary>
internal sealed class SigningKeysConfiguration(SigningKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var certificate in ring.Keys)
        {
            options.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256));
        }
    }
}

/// <summary>
/// Rebuilds the validation options whenever the server options are rebuilt. With <c>UseLocalServer</c> OpenIddict copies
/// the server's keys into the validation options once, when they are built; without this, this service's own endpoints
/// would refuse every token signed with a key made after it started (an operator's rotation, 10 minutes on).
/// </summary>
internal sealed class ValidationKeysRefresh : IOptionsChangeTokenSource<OpenIddictValidationOptions>, IDisposable
{
    private readonly IDisposable? _listening;
    private CancellationTokenSource _rebuilt = new();

    public ValidationKeysRefresh(IOptionsMonitor<OpenIddictServerOptions> server) =>
        // The monitor calls this after it built the new server options, so the validation options read those.
        _listening = server.OnChange(_ => Interlocked.Exchange(ref _rebuilt, new CancellationTokenSource()).Cancel());

    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_rebuilt.Token);

    public void Dispose()
    {
        _listening?.Dispose();
        _rebuilt.Dispose();
    }
}
