namespace PetitionPlatform.Notification.Domain;

/// <summary>
/// Who a message is for: a unit by its org id, or the petitioner of a petition, identified by the petition id alone
/// (their contact details stay in intake).
/// </summary>
public sealed record Recipient(string Kind, string Key)
{
    public const string Org = "org";
    public const string Petitioner = "petitioner";

    public static Recipient Unit(string orgId) => new(Org, orgId);

    public static Recipient PetitionerOf(Guid petitionId) => new(Petitioner, petitionId.ToString());

    public bool IsUnit => Kind == Org;
}
