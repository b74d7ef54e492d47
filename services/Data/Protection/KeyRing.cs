using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using PetitionPlatform.ServiceDefaults.Startup;

namespace PetitionPlatform.Data.Protection;

/// <summary>
/// AES-256-GCM with named keys. A value is sealed with the current key and carries that key's id, so after a rotation
/// (a new key added and made current) new values use the new key while old ones still open with theirs. Each value
/// gets a fresh random nonce; the tag makes any change to a sealed value fail to open.
/// </summary>
/// <remarks>Sealed layout: "PP1", the key id's length (one byte) and ASCII id, the 12-byte nonce, the 16-byte tag, the ciphertext.</remarks>
public sealed class KeyRing
{
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] s_magic = "PP1"u8.ToArray();

    private readonly Dictionary<string, byte[]> _keys;

    public KeyRing(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        if (!_keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"The current key '{currentKeyId}' is not among the keys.", nameof(currentKeyId));
        }

        if (_keys.Keys.FirstOrDefault(id => id.Length is 0 or > 64 || !id.All(char.IsAsciiLetterOrDigit)) is { } badId)
        {
            throw new ArgumentException($"Key id '{badId}' must be 1 to 64 ASCII letters and digits.", nameof(keys));
        }

        if (_keys.FirstOrDefault(pair => pair.Value.Length != KeySize) is { Key: { } shortKey })
        {
            throw new ArgumentException($"Key '{shortKey}' must be {KeySize} bytes.", nameof(keys));
        }

        CurrentKeyId = currentKeyId;
    }

    public string CurrentKeyId { get; }

    /// <summary>
    /// The ring of configuration section <paramref name="section"/>: <c>{section}:CurrentKey</c> names the key new values
    /// use; <c>{section}:Keys:{id}</c> holds each key, base64 of 32 bytes. Stops the service with one sentence if unusable.
    /// </summary>
    public static KeyRing FromConfiguration(IConfiguration configuration, string section)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection($"{section}:Keys").GetChildren())
        {
            keys[entry.Key] = Decode(entry.Value) ?? throw Unusable(section, $"{section}:Keys:{entry.Key} is not the base64 of 32 bytes");
        }

        var current = configuration[$"{section}:CurrentKey"];
        if (string.IsNullOrWhiteSpace(current) || !keys.ContainsKey(current))
        {
            throw Unusable(section, $"{section}:CurrentKey must name one of the keys under {section}:Keys");
        }

        try
        {
            return new KeyRing(current, keys);
        }
        catch (ArgumentException e)
        {
            throw Unusable(section, e.Message.Split(" (Parameter", 2)[0].TrimEnd('.'));
        }
    }

    public byte[] Seal(string plaintext) => Seal(Encoding.UTF8.GetBytes(plaintext));

    public byte[] Seal(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var id = Encoding.ASCII.GetBytes(CurrentKeyId);
        var header = s_magic.Length + 1 + id.Length;
        var sealedValue = new byte[header + NonceSize + TagSize + plaintext.Length];
        s_magic.CopyTo(sealedValue, 0);
        sealedValue[s_magic.Length] = (byte)id.Length;
        id.CopyTo(sealedValue, s_magic.Length + 1);
        var nonce = sealedValue.AsSpan(header, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[CurrentKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(header + NonceSize + TagSize), sealedValue.AsSpan(header + NonceSize, TagSize));
        return sealedValue;
    }

    /// <summary>Opens a value sealed by this ring with any of its keys. Throws <see cref="CryptographicException"/> otherwise.</summary>
    public string Open(byte[] sealedValue) => Encoding.UTF8.GetString(OpenBytes(sealedValue));

    public byte[] OpenBytes(byte[] sealedValue)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        var keyId = KeyIdOf(sealedValue);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The value was sealed with key '{keyId}', which this ring does not hold.");
        }

        var header = s_magic.Length + 1 + keyId.Length;
        var plaintext = new byte[sealedValue.Length - header - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(header, NonceSize), sealedValue.AsSpan(header + NonceSize + TagSize),
            sealedValue.AsSpan(header + NonceSize, TagSize), plaintext);
        return plaintext;
    }

    /// <summary>The id of the key a value was sealed with.</summary>
    public static string KeyIdOf(byte[] sealedValue)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        if (sealedValue.Length < s_magic.Length + 1 || !sealedValue.AsSpan(0, s_magic.Length).SequenceEqual(s_magic)
            || sealedValue.Length < s_magic.Length + 1 + sealedValue[s_magic.Length] + NonceSize + TagSize)
        {
            throw new CryptographicException("Not a sealed value.");
        }

        return Encoding.ASCII.GetString(sealedValue, s_magic.Length + 1, sealedValue[s_magic.Length]);
    }

    private static byte[]? Decode(string? base64)
    {
        try
        {
            return base64 is null ? null : Convert.FromBase64String(base64) is { Length: KeySize } key ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static StartupFailureException Unusable(string section, string problem) => new(
        $"The keys of {section} are unusable: {problem}. Generate a key with 'openssl rand -base64 32' and set " +
        $"{section}__Keys__<id> and {section}__CurrentKey=<id>; Development uses the keys in appsettings.Development.json.");
}
