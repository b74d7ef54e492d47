namespace PetitionPlatform.Intake.PersonalData;

/// <summary>Keys for personal data, from configuration section <c>PersonalData</c> (base64, 32 bytes each).</summary>
public sealed class PersonalDataOptions
{
    /// <summary>AES-256-GCM key that encrypts ID numbers and phone numbers at rest.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>HMAC-SHA256 key of the hashes that match a petitioner without decrypting (duplicates, repeats).</summary>
    public string? HashKey { get; set; }
}
