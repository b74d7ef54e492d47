using System.Security.Cryptography;
using System.Text;
using PetitionPlatform.Contracts;

namespace PetitionPlatform.Intake.Domain;

/// <summary>
/// The petitioner's query code: 80 random bits in 16 characters of an alphabet without look-alikes (no I, L, O, U),
/// grouped in fours so it can be read out on the phone. Only its hash is stored.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        var code = new StringBuilder(19);
        for (var i = 0; i < 16; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                code.Append('-');
            }

            code.Append(Alphabet[random[i] & 31]);
        }

        return code.ToString();
    }

    /// <summary>The same hash every service uses (<see cref="TrackingCodes.Hash"/>), as bytes.</summary>
    public static byte[] Hash(string code) => Convert.FromHexString(TrackingCodes.Hash(code));
}
