using System.Diagnostics.CodeAnalysis;

namespace PetitionPlatform.Contracts;

/// <summary>
/// An organisation of the directory: <c>&lt;regionCode&gt;/&lt;unit&gt;</c> (API.md, Directory), e.g. <c>130724/hrss</c>,
/// <c>130724102/township-gov</c>, <c>130000/petition-bureau</c>.
/// </summary>
public readonly record struct OrgId
{
    private OrgId(RegionCode region, string unit) => (Region, Unit) = (region, unit);

    public RegionCode Region { get; }

    public string Unit { get; }

    public static OrgId Of(RegionCode region, string unit) =>
        Units.IsWellFormed(unit) ? new OrgId(region, unit) : throw new FormatException($"'{unit}' is not a unit name.");

    /// <summary>The petition bureau of the region: where its petitions are received and its notices copied.</summary>
    public static OrgId PetitionBureauOf(RegionCode region) => new(region, Units.PetitionBureau);

    /// <summary>Whether the organisation sits in <paramref name="region"/> or below it.</summary>
    public bool IsWithin(RegionCode region) => Region.IsWithin(region);

    public static bool IsWellFormed([NotNullWhen(true)] string? value) => TryParse(value, out _);

    public static bool TryParse([NotNullWhen(true)] string? value, out OrgId orgId)
    {
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        orgId = slash > 0 && RegionCode.TryParse(value![..slash], out var region) && Units.IsWellFormed(value[(slash + 1)..])
            ? new OrgId(region, value[(slash + 1)..])
            : default;
        return orgId.Unit is not null;
    }

    public static OrgId Parse(string value) =>
        TryParse(value, out var orgId) ? orgId : throw new FormatException($"'{value}' is not an organisation id (<regionCode>/<unit>).");

    public override string ToString() => $"{Region}/{Unit}";
}
