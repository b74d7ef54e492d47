namespace PetitionPlatform.Identity.Signing;

/// <summary>
/// One signing key of this installation: a self-signed X.509 certificate with its RSA key (PKCS#12). Its validity
/// decides its use: OpenIddict signs with the valid certificate that expires last and publishes every loaded one.
/// </summary>
public sealed class SigningKey
{
    public required string Id { get; init; }

    public required byte[] Certificate { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NotBefore { get; init; }

    public DateTimeOffset NotAfter { get; init; }
}
