using PetitionPlatform.Contracts;

namespace PetitionPlatform.Notification.Api;

/// <summary>
/// The <c>recipient</c> of a query: an org id (<c>130724/hrss</c>), or a petitioner's query code, which is only ever
/// compared through its hash.
/// </summary>
public abstract record RecipientQuery
{
    public sealed record Unit(string OrgId) : RecipientQuery;

    public sealed record Petitioner(string TrackingCodeHash) : RecipientQuery;

    public static RecipientQuery? Parse(string? recipient)
    {
        if (string.IsNullOrWhiteSpace(recipient))
        {
            return null;
        }

        var value = recipient.Trim();
        if (OrgId.IsWellFormed(value))
        {
            return new Unit(value);
        }

        return TrackingCodes.IsWellFormed(value) ? new Petitioner(TrackingCodes.Hash(value)) : null;
    }
}
