using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.Contracts;
using PetitionPlatform.Identity.Data;
using PetitionPlatform.Messaging;
using PetitionPlatform.Data;

namespace PetitionPlatform.Identity.Signing;

/// <summary>
/// This installation's signing keys, generated here and kept in identitydb sealed with the <c>SigningKeys</c> key ring.
/// A key is a self-signed certificate: valid from <see cref="SigningKeyPolicy.PublishAhead"/> after it is made, so every
/// instance publishes it before any signs with it, and for <see cref="SigningKeyPolicy.Lifetime"/>.
/// </summary>
public sealed class SigningKeyStore(IdentityDbContext db, SigningKeySealing sealing, TimeProvider time, AuditTrail audit)
{
    /// <summary>The keys to publish and sign with now: not expired, including successors not yet valid.</summary>
    public async Task<IReadOnlyList<X509Certificate2>> LoadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var keys = await db.SigningKeys.AsNoTracking().Where(k => k.NotAfter > now).OrderBy(k => k.NotBefore).ToListAsync(ct);
        return [.. keys.Select(k => X509CertificateLoader.LoadPkcs12(sealing.Keys.OpenBytes(k.Certificate), password: null, X509KeyStorageFlags.EphemeralKeySet))];
    }

    /// <summary>
    /// Makes a key when none is valid long enough: at first start one valid at once; later a successor published
    /// ahead of use. Instances starting together take turns (advisory lock), so they make one key, not one each.
    /// </summary>
    public async Task<SigningKey?> EnsureAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.TakeTransactionLockAsync("signing_keys", ct);
        var now = time.GetUtcNow();
        var latest = await db.SigningKeys.Where(k => k.NotAfter > now).OrderByDescending(k => k.NotAfter).FirstOrDefaultAsync(ct);
        SigningKey? made = null;
        if (latest is null)
        {
            made = Make(now - SigningKeyPolicy.ClockSkew, now);
        }
        else if (latest.NotAfter - now < SigningKeyPolicy.RenewBefore)
        {
            made = Make(now + SigningKeyPolicy.PublishAhead, now);
        }

        if (made is not null)
        {
            db.SigningKeys.Add(made);
            audit.Record(AuditActions.SigningKeyRotated, subject: made.Id);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return made;
    }

    /// <summary>An operator's rotation: a successor now, published ahead of use; the current key signs until it is valid.</summary>
    public async Task<SigningKey> RotateAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var made = Make(now + SigningKeyPolicy.PublishAhead, now);
        db.SigningKeys.Add(made);
        audit.Record(AuditActions.SigningKeyRotated, subject: made.Id);
        await db.SaveChangesAsync(ct);
        return made;
    }

    private SigningKey Make(DateTimeOffset notBefore, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PetitionPlatform token signing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var notAfter = notBefore + SigningKeyPolicy.Lifetime;
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return new SigningKey
        {
            Id = certificate.Thumbprint,
            Certificate = sealing.Keys.Seal(certificate.Export(X509ContentType.Pkcs12)),
            CreatedAt = now,
            NotBefore = notBefore,
            NotAfter = notAfter,
        };
    }
}

/// <summary>When signing keys are made and used.</summary>
public static class SigningKeyPolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    /// <summary>A successor is made this long before the current key expires.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    /// <summary>Longer than every instance takes to reload its keys (<see cref="IdentityOptions.SigningKeysRefresh"/>) plus a validator's cache.</summary>
    public static readonly TimeSpan PublishAhead = TimeSpan.FromMinutes(10);

    /// <summary>The first key is valid a little in the past, for clocks that lag behind this one.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
}

/// <summary>The key ring (<c>SigningKeys</c>) that seals the private keys at rest.</summary>
public sealed class SigningKeySealing(KeyRing keys)
{
    public const string Section = "SigningKeys";

    public KeyRing Keys { get; } = keys;
}
