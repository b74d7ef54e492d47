namespace PetitionPlatform.Supervision.Directory;

/// <summary>A unit as routing's directory answers it (<c>GET /api/routing/organizations/{regionCode}/{unit}</c>).</summary>
/// <param name="ParentId">The same unit one level up, or the petition bureau one level up; null at province level.</param>
public sealed record DirectoryOrganization(string Id, string Name, string RegionCode, string Level, string Unit, string? ParentId);
