namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// Levels of the chain. The code never assumes all four exist below a province: Chongqing's districts sit directly
/// under the municipality, so distances are counted by walking the tree, not by comparing these names.
/// </summary>
public static class RegionLevels
{
    public const string Province = "province";
    public const string City = "city";
    public const string County = "county";
    public const string Township = "township";

    public static readonly IReadOnlyList<string> All = [Province, City, County, Township];
}
