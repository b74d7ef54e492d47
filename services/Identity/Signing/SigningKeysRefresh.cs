using Microsoft.Extensions.Options;
using PetitionPlatform.Messaging;

namespace PetitionPlatform.Identity.Signing;

/// <summary>
/// Keeps <see cref="SigningKeyRing"/> current: before the token endpoint opens (after the migrations) a key valid long
/// enough exists and is loaded, then every <see cref="IdentityOptions.SigningKeysRefresh"/> a successor is made when the
/// key in use nears its end and the keys another instance or an operator made are taken up. A round that fails (the
/// database away) keeps the keys already loaded and is tried again.
/// </summary>
internal sealed partial class SigningKeysRefresh(
    IServiceScopeFactory scopes, SigningKeyRing ring, IOptions<IdentityOptions> options, TimeProvider time, ILogger<SigningKeysRefresh> logger)
    : RefreshWorker(time, logger)
{
    protected override TimeSpan Interval => options.Value.SigningKeysRefresh;

    protected override async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SigningKeyStore>();
        if (await store.EnsureAsync(ct) is { } key)
        {
            LogKeyMade(Logger, key.Id, key.NotBefore, key.NotAfter);
        }

        if (await ring.ReloadAsync(store, ct))
        {
            LogKeysLoaded(Logger, ring.Keys.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {KeyId} made, valid {NotBefore} to {NotAfter}")]
    private static partial void LogKeyMade(ILogger logger, string keyId, DateTimeOffset notBefore, DateTimeOffset notAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publishing {Count} signing key(s)")]
    private static partial void LogKeysLoaded(ILogger logger, int count);
}
