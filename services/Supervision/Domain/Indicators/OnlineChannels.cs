namespace PetitionPlatform.Supervision.Domain.Indicators;

/// <summary>The channels that count as online petitions (网上信访): the web / app form and the QR code on a poster.</summary>
public static class OnlineChannels
{
    public static bool Includes(string channel) => channel is "online" or "qr-code";
}
