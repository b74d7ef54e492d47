using System.Security.Cryptography;
using System.Text;
using PetitionPlatform.Contracts;

namespace PetitionPlatform.Intake.Domain;

/// <summary>New query codes, in the format <see cref="TrackingCodes"/> defines. Only their hash is stored.</summary>
public static class TrackingCode
{
    public static string New()
    {
        Span<byte> random = stackalloc byte[TrackingCodes.Length];
        RandomNumberGenerator.Fill(random);
        var code = new StringBuilder(TrackingCodes.Length + 3);
        for (var i = 0; i < TrackingCodes.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                code.Append('-');
            }

            code.Append(TrackingCodes.Alphabet[random[i] & 31]);
        }

        return code.ToString();
    }

    /// <summary>The same hash every service uses (<see cref="TrackingCodes.Hash"/>), as bytes.</summary>
    public static byte[] Hash(string code) => Convert.FromHexString(TrackingCodes.Hash(code));
}
