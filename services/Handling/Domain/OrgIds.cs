using System.Text.RegularExpressions;

namespace PetitionPlatform.Handling.Domain;

/// <summary>Organisation ids are <c>&lt;regionCode&gt;/&lt;unit&gt;</c> (API.md, Directory), e.g. <c>130724/hrss</c>.</summary>
public static partial class OrgIds
{
    public static bool IsWellFormed(string? orgId) => orgId is not null && Pattern().IsMatch(orgId);

    [GeneratedRegex(@"^(\d{6}|\d{9}|\d{12})/[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
