using System.Security.Cryptography;
using System.Text;
using PetitionPlatform.Data.Protection;
using PetitionPlatform.ServiceDefaults.Startup;

namespace PetitionPlatform.Intake.PersonalData;

/// <summary>
/// Encrypts personal data at rest with the named keys of <c>PersonalData</c> (<see cref="KeyRing"/>: rotate by adding a
/// key and making it current; old values stay readable) and derives keyed hashes for matching. A keyed hash, unlike a
/// plain one, cannot be reversed by hashing every possible ID number. The hash key is not rotated: a new one would
/// stop every earlier petitioner from being recognised.
/// </summary>
public sealed class PersonalDataProtector(KeyRing keys, byte[] hashKey)
{
    public const string Section = "PersonalData";

    public byte[] Encrypt(string plaintext) => keys.Seal(plaintext);

    public string Decrypt(byte[] sealedValue) => keys.Open(sealedValue);

    public byte[] Hash(string normalizedValue) => HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(normalizedValue));

    public static PersonalDataProtector FromConfiguration(IConfiguration configuration)
    {
        var keys = KeyRing.FromConfiguration(configuration, Section);
        byte[]? hashKey = null;
        try
        {
            hashKey = configuration[$"{Section}:HashKey"] is { } base64 ? Convert.FromBase64String(base64) : null;
        }
        catch (FormatException)
        {
        }

        return hashKey is { Length: 32 }
            ? new PersonalDataProtector(keys, hashKey)
            : throw new StartupFailureException(
                $"{Section}:HashKey must be a base64-encoded 32-byte key (generate one with 'openssl rand -base64 32' and set " +
                $"{Section}__HashKey); Development uses the key in appsettings.Development.json.");
    }
}
