namespace PetitionPlatform.Notification.Domain;

/// <summary>
/// A message the rules call for, before rendering. <paramref name="DeliveryOnly"/> holds values that go into the
/// delivered text but not into the kept copy (the query code), replacing the same placeholder in <paramref name="Values"/>.
/// </summary>
public sealed record PlannedMessage(
    string Template,
    Recipient Recipient,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string>? DeliveryOnly = null);
