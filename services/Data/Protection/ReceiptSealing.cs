using Microsoft.Extensions.Configuration;

namespace PetitionPlatform.Data.Protection;

/// <summary>
/// The keys (configuration section <c>ReceiptSealing</c>) that intake and notification alone hold, so that the
/// petitioner's query code crosses intake's outbox, the broker and notification's pending messages sealed, and is
/// in clear only in intake's answer and in the delivery to the petitioner.
/// </summary>
public sealed class ReceiptSealing(KeyRing keys)
{
    public const string Section = "ReceiptSealing";

    public byte[] Seal(string text) => keys.Seal(text);

    public string Open(byte[] sealedText) => keys.Open(sealedText);

    /// <summary>Sealed and base64-encoded, for a message field.</summary>
    public string SealToBase64(string text) => Convert.ToBase64String(keys.Seal(text));

    public string OpenBase64(string sealedText) => keys.Open(Convert.FromBase64String(sealedText));

    public static ReceiptSealing FromConfiguration(IConfiguration configuration) => new(KeyRing.FromConfiguration(configuration, Section));
}
