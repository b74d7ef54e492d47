using System.Security.Cryptography;
using System.Text;

namespace PetitionPlatform.Contracts;

/// <summary>
/// The petitioner's query code: 80 random bits written as 16 characters of <see cref="Alphabet"/>, grouped in fours
/// by dashes so it can be read out on the phone. People type it in any case, with or without the dashes and spaces.
/// Every service turns it into the value it may store and compare with <see cref="Hash"/>; only intake ever sees it whole.
/// </summary>
public static class TrackingCodes
{
    /// <summary>Digits and letters without look-alikes (no I, L, O, U): 32 symbols, five bits each.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int Length = 16;

    /// <summary>Whether the text, dashes and spaces aside, has the shape of a code (16 letters and digits).</summary>
    public static bool IsWellFormed(string? code) =>
        code is not null && Normalise(code) is { Length: Length } normalised && normalised.All(char.IsAsciiLetterOrDigit);

    /// <summary>A SHA-256 of the normalised code: 80 random bits cannot be found again by guessing.</summary>
    public static string Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Normalise(code))));
    }

    private static string Normalise(string code) =>
        code.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
