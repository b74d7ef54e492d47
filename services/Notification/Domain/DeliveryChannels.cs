using PetitionPlatform.Contracts;

namespace PetitionPlatform.Notification.Domain;

/// <summary>The ways a message can travel, and which one each recipient gets.</summary>
public static class DeliveryChannels
{
    public const string Sms = "sms";
    public const string Letter = "letter";
    public const string Online = "online";

    /// <summary>The units' own petition information system.</summary>
    public const string Internal = "internal";

    public static readonly IReadOnlyList<string> All = [Sms, Letter, Online, Internal];

    /// <summary>
    /// The petitioner is answered through the door they came in by: online doors get an online message, phone and
    /// SMS doors a text message; letters and visits (and anything unknown) a letter, which always reaches them.
    /// </summary>
    public static string ForPetitioner(string? petitionChannel) => petitionChannel switch
    {
        _ when PetitionChannels.IsOnline(petitionChannel) => Online,
        PetitionChannels.Sms or PetitionChannels.Phone or PetitionChannels.Hotline => Sms,
        _ => Letter,
    };

    public static string For(Recipient recipient, string? petitionChannel) =>
        recipient.IsUnit ? Internal : ForPetitioner(petitionChannel);
}
