using System.Text.RegularExpressions;
using PetitionPlatform.Contracts;

namespace PetitionPlatform.Notification.Api;

/// <summary>
/// The <c>recipient</c> of a query: an org id (<c>130724/hrss</c>), or a petitioner's query code, which is only ever
/// compared through its hash.
/// </summary>
public abstract partial record RecipientQuery
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
        if (OrgIdPattern().IsMatch(value))
        {
            return new Unit(value);
        }

        // Query codes are typed with or without the dashes and spaces that group them.
        var compact = value.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return TrackingCodePattern().IsMatch(compact) ? new Petitioner(TrackingCodes.Hash(value)) : null;
    }

    [GeneratedRegex("^[0-9]{6}([0-9]{3}){0,2}/[a-z][a-z0-9-]*$")]
    private static partial Regex OrgIdPattern();

    [GeneratedRegex("^[0-9A-Za-z]{16}$")]
    private static partial Regex TrackingCodePattern();
}
