using System.Text.RegularExpressions;

namespace PetitionPlatform.Supervision.Domain;

/// <summary>Organisation ids are <c>&lt;regionCode&gt;/&lt;unit&gt;</c>; region codes follow GB/T 2260 (six digits, nine for townships).</summary>
public static partial class OrgIds
{
    public const string PetitionBureau = "petition-bureau";
    public const string JointConference = "joint-conference";

    public static bool IsWellFormed(string? orgId) => orgId is not null && Shape().IsMatch(orgId);

    public static string RegionOf(string orgId) => orgId[..orgId.IndexOf('/', StringComparison.Ordinal)];

    public static string Of(string regionCode, string unit) => $"{regionCode}/{unit}";

    /// <summary>The province a region lies in: its first two digits, then zeros (130724102 → 130000).</summary>
    public static string ProvinceOf(string regionCode) => regionCode[..2] + "0000";

    /// <summary>The county-level region a region lies in: a township's first six digits; a county, city or province itself.</summary>
    public static string CountyOf(string regionCode) => regionCode.Length > 6 ? regionCode[..6] : regionCode;

    [GeneratedRegex(@"^[0-9]{6}([0-9]{3})?/[a-z]+(-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
