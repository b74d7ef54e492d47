namespace PetitionPlatform.Contracts;

/// <summary>How a petition came in (API.md, <c>channel</c>).</summary>
public static class PetitionChannels
{
    public const string Online = "online";
    public const string Letter = "letter";
    public const string Visit = "visit";
    public const string Phone = "phone";
    public const string Sms = "sms";
    public const string Hotline = "hotline";
    public const string QrCode = "qr-code";

    public static readonly IReadOnlyList<string> All = [Online, Letter, Visit, Phone, Sms, Hotline, QrCode];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel);

    /// <summary>The channels counted as online (网上信访) in the indicators: the web and the QR code that leads to it.</summary>
    public static bool IsOnline(string? channel) => channel is Online or QrCode;
}
