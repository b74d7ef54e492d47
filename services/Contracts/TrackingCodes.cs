using System.Security.Cryptography;
using System.Text;

namespace PetitionPlatform.Contracts;

/// <summary>
/// The one way every service turns a petitioner's query code into the value it may store and compare. The code is
/// 80 random bits, so a plain SHA-256 cannot be reversed by guessing; people type it in any case, with or without
/// the dashes.
/// </summary>
public static class TrackingCodes
{
    public static string Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalised = code.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalised)));
    }
}
