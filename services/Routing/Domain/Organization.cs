namespace PetitionPlatform.Routing.Domain;

/// <summary>
/// A unit at a place: <c>130724/hrss</c> is 沽源县人力资源和社会保障局. <see cref="ParentId"/> is the same unit one
/// level up, or the petition bureau one level up where that level has no such unit; null at province level.
/// </summary>
public sealed class Organization
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string RegionCode { get; set; }

    public required string Level { get; set; }

    public required string Unit { get; set; }

    public string? ParentId { get; set; }

    public static string IdOf(string regionCode, string unit) => $"{regionCode}/{unit}";
}
