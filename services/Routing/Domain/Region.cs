namespace PetitionPlatform.Routing.Domain;

/// <summary>A place in the administrative chain (DOMAIN.md §2). <see cref="ParentCode"/> is null at province level.</summary>
public sealed class Region
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>One of <see cref="RegionLevels"/>.</summary>
    public required string Level { get; set; }

    public string? ParentCode { get; set; }
}
