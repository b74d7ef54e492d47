using System.Security.Cryptography;
using System.Text;
using PetitionPlatform.ServiceDefaults.Startup;

namespace PetitionPlatform.Intake.PersonalData;

/// <summary>
/// Encrypts personal identifiers at rest (AES-256-GCM, a fresh nonce per value) and derives keyed hashes for
/// matching. A keyed hash, unlike a plain one, cannot be reversed by hashing every possible ID number.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(PersonalDataOptions options)
    {
        _encryptionKey = Key(options.EncryptionKey, nameof(PersonalDataOptions.EncryptionKey));
        _hashKey = Key(options.HashKey, nameof(PersonalDataOptions.HashKey));
    }

    public byte[] Encrypt(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[NonceSize + TagSize + data.Length];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, data, sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize));
        return sealedValue;
    }

    public string Decrypt(byte[] sealedValue)
    {
        var data = new byte[sealedValue.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), data);
        return Encoding.UTF8.GetString(data);
    }

    public byte[] Hash(string normalizedValue) => HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalizedValue));

    private static byte[] Key(string? base64, string name)
    {
        byte[]? key = null;
        try
        {
            key = base64 is null ? null : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
        }

        return key is { Length: 32 }
            ? key
            : throw new StartupFailureException(
                $"PersonalData:{name} must be a base64-encoded 32-byte key (generate one with 'openssl rand -base64 32' and " +
                $"set PersonalData__{name}); Development uses the key in appsettings.Development.json.");
    }
}
