using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace PetitionPlatform.Identity.Signing;

/// <summary>
/// The signing keys this instance publishes and signs with, as last read from identitydb. OpenIddict's options are
/// built from it and rebuilt only when it changes, so building them never reaches the database: a rebuild runs on
/// whatever thread signals it, and a database fault there once aborted the process.
/// </summary>
public sealed class SigningKeyRing(TimeProvider time) : IOptionsChangeTokenSource<OpenIddictServerOptions>, IDisposable
{
    private readonly Lock _replacing = new();
    private IReadOnlyList<X509Certificate2> _keys = [];
    private string _state = "";
    private CancellationTokenSource _changed = new();

    public IReadOnlyList<X509Certificate2> Keys => Volatile.Read(ref _keys);

    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>
    /// Reads the keys again; the options are rebuilt (on this thread) when the set changed or a key became valid, since
    /// OpenIddict picks the key it signs with when its options are built. True when they were.
    /// </summary>
    public async Task<bool> ReloadAsync(SigningKeyStore store, CancellationToken ct)
    {
        var loaded = await store.LoadAsync(ct);
        var now = time.GetUtcNow();
        var state = string.Join(',', loaded.Select(k => $"{k.Thumbprint}:{(k.NotBefore <= now ? "valid" : "ahead")}"));
        CancellationTokenSource changed;
        lock (_replacing)
        {
            if (state == _state)
            {
                return false;
            }

            _state = state;
            Volatile.Write(ref _keys, loaded);
            changed = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        }

        changed.Cancel();
        return true;
    }

    public void Dispose() => _changed.Dispose();
}
